/**
 * Transport security: `https` always; plain `http` only to this machine (the local
 * emulator). Certificate verification is never turned off anywhere in the client.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host === '::1' ||
    /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host)
  );
}

export function assertSafeBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Not a URL: "${baseUrl}"`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new Error(
    `Refusing ${url.protocol}//${url.host}: Duo is only reached over https (plain http is allowed to loopback only)`,
  );
}
