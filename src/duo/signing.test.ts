import { createHmac } from 'crypto';
import {
  basicAuthorization,
  canonicalizeParams,
  canonicalizeV2,
  canonicalizeV5,
  formatRfc2822,
  hashDuoHeaders,
  hmacSha512Hex,
  signV5,
  SignableRequest,
} from './signing';

// Duo's official Node signer: an independent implementation to agree with.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const officialSigner = require('@duosecurity/duo_api/lib/duo_sig');

/** SHA-1 exists only here, to check the legacy v2 vectors; the client never uses it. */
function hmacSha1Hex(key: string, text: string): string {
  return createHmac('sha1', key).update(text, 'utf8').digest('hex');
}

const SHA512_EMPTY =
  'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';

const DOCS_KEYS = {
  integrationKey: 'DIWJ8X6AEYOR5OMC6TQ1',
  secretKey: 'Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep',
};
const UNICODE_SKEY = 'gtdfxv9YgVBYcF6dl2Eq17KUQJN2PLM2ODVTkvoT';
const UNICODE_PARAMS = {
  '\u469a\u287b\u35d0\u8ef3\u6727\u502a\u0810\ud091\u00c8\uc170':
    '\u0f45\u1a76\u341a\u654c\uc23f\u9b09\uabe2\u8343\u1b27\u60d0',
  '\u7449\u7e4b\uccfb\u59ff\ufe5f\u83b7\uadcc\u900c\ucfd1\u7813':
    '\u8db7\u5022\u92d3\u42ef\u207d\u8730\uacfe\u5617\u0946\u4e30',
  '\u7470\u9314\u901c\u9eae\u40d8\u4201\u82d8\u8c70\u1d31\ua042':
    '\u17d9\u0ba8\u9358\uaadf\ua42a\u48be\ufb96\u6fe9\ub7ff\u32f3',
  '\uc2c5\u2c1d\u2620\u3617\u96b3F\u8605\u20e8\uac21\u5934':
    '\ufba9\u41aa\ubd83\u840b\u2615\u3e6e\u652d\ua8b5\ud56bU',
};
const UNICODE_REQUEST: SignableRequest = {
  date: 'Fri, 07 Dec 2012 17:18:00 -0000',
  method: 'PoSt',
  host: 'foO.BAr52.cOm',
  path: '/Foo/BaR2/qux',
  params: UNICODE_PARAMS,
};

describe('canonical parameters', () => {
  test('printable ASCII punctuation is escaped like the official clients', () => {
    expect(
      canonicalizeParams({ punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~' }),
    ).toBe(
      'punctuation=%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E_%60%7B%7C%7D~',
    );
  });

  test('whitespace becomes %XX and a space is %20, never +', () => {
    expect(canonicalizeParams({ whitespace: '\t\n\x0b\x0c\r ' })).toBe(
      'whitespace=%09%0A%0B%0C%0D%20',
    );
  });

  test('repeated keys give one pair per value, values sorted; keys sorted with prefixes first', () => {
    expect(canonicalizeParams({ b: ['2', '1 x'], a: '~*+' })).toBe(
      'a=~%2A%2B&b=1%20x&b=2',
    );
    expect(canonicalizeParams({ foo_bar: '2', foo: '1' })).toBe(
      'foo=1&foo_bar=2',
    );
  });

  test('keys sort by their encoded bytes, not their raw characters', () => {
    // Raw "aa" < "a{", but encoded "a%7B" < "aa".
    expect(canonicalizeParams({ aa: '1', 'a{': '2' })).toBe('a%7B=2&aa=1');
  });

  test('no parameters give an empty line; numbers and booleans become strings', () => {
    expect(canonicalizeParams({})).toBe('');
    expect(canonicalizeParams({ limit: 300, offset: 0, on: true })).toBe(
      'limit=300&offset=0&on=true',
    );
  });
});

describe('signature version 2 vectors (canonical string shared with v5)', () => {
  test('V2-A: the Duo docs example', () => {
    const canonical = canonicalizeV2({
      date: 'Tue, 21 Aug 2012 17:29:18 -0000',
      method: 'POST',
      host: 'api-XXXXXXXX.duosecurity.com',
      path: '/admin/v1/users',
      params: { username: 'root', realname: 'First Last' },
    });
    expect(canonical).toBe(
      'Tue, 21 Aug 2012 17:29:18 -0000\nPOST\napi-xxxxxxxx.duosecurity.com\n/admin/v1/users\nrealname=First%20Last&username=root',
    );
    const sha1 = hmacSha1Hex(DOCS_KEYS.secretKey, canonical);
    expect(sha1).toBe('c1ef43767c3eb3b3258dbddca6f8d0941e085b92');
    expect(basicAuthorization(DOCS_KEYS.integrationKey, sha1)).toBe(
      'Basic RElXSjhYNkFFWU9SNU9NQzZUUTE6YzFlZjQzNzY3YzNlYjNiMzI1OGRiZGRjYTZmOGQwOTQxZTA4NWI5Mg==',
    );
    expect(hmacSha512Hex(DOCS_KEYS.secretKey, canonical)).toBe(
      'a2c781990efe0a72a515271f7c8a3efa331b9a15701efbf1197a94e1355d9b1f3a8d8e889228cfe366d6cb63e55214f3d3ce39ebd020aa65abc5ed25f75abd90',
    );
  });

  test('V2-B: unicode parameters from the official client tests', () => {
    const canonical = canonicalizeV2(UNICODE_REQUEST);
    expect(hmacSha1Hex(UNICODE_SKEY, canonical)).toBe(
      'f01811cbbf9561623ab45b893096267fd46a5178',
    );
    expect(hmacSha512Hex(UNICODE_SKEY, canonical)).toBe(
      '0508065035a03b2a1de2f453e629e791d180329e157f65df6b3e0f08299d4321e1c5c7a7c7ee6b9e5fc80d1fb6fbf3ad5eb7c44dd3b3985a02c37aca53ec3698',
    );
  });

  test('V2-C: the Node client test', () => {
    const canonical = canonicalizeV2({
      date: 'Tue, 21 Aug 2012 17:29:18 -0000',
      method: 'POST',
      host: 'test.duosecurity.com',
      path: '/test/v1',
      params: { realname: 'First Last', username: 'root' },
    });
    expect(
      basicAuthorization('test_ikey', hmacSha512Hex('test_skey', canonical)),
    ).toBe(
      'Basic dGVzdF9pa2V5OjA0MmEzMGM2ODJiZDgzNmZjNWJhNDY3ODkxYTk1NmVhYTEwMDkxY2EwZjczYTdmYjM5NmFlZmQ1NmEzNTI5ZTU2OTMyZGVhNDI3YTY3MjEzYWY2NjRiYTY4NDE2ODlmZjIzMzZiN2EzNzM3NjZlYTVhYjdhYjlmZTI2MzgyMjZi',
    );
    expect(hmacSha1Hex('test_skey', canonical)).toBe(
      '7db13501cda6278f27987468405fe8be61b5e3e3',
    );
  });
});

describe('signature version 5 vectors', () => {
  test('V5-A: unicode query parameters, empty body', () => {
    const canonical = canonicalizeV5({ ...UNICODE_REQUEST, body: '' });
    expect(canonical).toBe(
      `${canonicalizeV2(UNICODE_REQUEST)}\n${SHA512_EMPTY}\n${SHA512_EMPTY}`,
    );
    expect(hmacSha512Hex(UNICODE_SKEY, canonical)).toBe(
      'de886475f5ee8cf32872a7c10869e4dce7a0038f8b0da01d903469c6240473dfd1abf98b40b34b9ad7fbc99d5df3f2279e7105fd9101c428b94faaeec5e179cf',
    );
  });

  test('V5-B: a JSON body hashed as sent, with an empty parameter line', () => {
    const request: SignableRequest = {
      date: 'Tue, 21 Aug 2012 17:29:18 -0000',
      method: 'POST',
      host: 'test.duosecurity.com',
      path: '/test/v1',
      body: '{"realname":"First Last","username":"root"}',
    };
    expect(canonicalizeV5(request).split('\n')).toEqual([
      'Tue, 21 Aug 2012 17:29:18 -0000',
      'POST',
      'test.duosecurity.com',
      '/test/v1',
      '',
      '90a87eddaf3152f88132bc650b48eba1d1a1853a780c072303cec3d4f85631a0c5ef03d8c14d805af3212b4e5b7c82420970fc2e380ad91e1283028e7c476150',
      SHA512_EMPTY,
    ]);
    expect(
      signV5(request, { integrationKey: 'test_ikey', secretKey: 'test_skey' }),
    ).toBe(
      'Basic dGVzdF9pa2V5OjdkMDI0MDlhMTUyNzY0ODQzY2NjZDgyODRkYTE1M2IzZmI0NDZiYWFkNWY5OTg4ODYzMjVlMjRiYzljZDRhMjQ0ZGU4NWFkNGJmYTdlYTI4NWQ2ODIwOWYxNjA4MzU2NzNkOGI0ZjFlMWIyM2Q5Y2Q1MjFkMjZiZmU3ZjM2NmE0',
    );
  });

  test('V5-C: the paging GET, upper- or lower-case host alike', () => {
    const base = {
      date: 'Tue, 21 Aug 2012 17:29:18 -0000',
      method: 'GET',
      path: '/admin/v1/users',
      params: { limit: '100', offset: '0' },
    };
    const expected =
      'f5afcd661b744f2937badaae9df18ea174ba1573f7f03d12d7fd8065a9f766a447198949750cb17004175830b76cd66e90435d813ddd1616687abe8641b35b95';
    for (const host of [
      'api-XXXXXXXX.duosecurity.com',
      'api-xxxxxxxx.duosecurity.com',
    ]) {
      expect(
        hmacSha512Hex(DOCS_KEYS.secretKey, canonicalizeV5({ ...base, host })),
      ).toBe(expected);
    }
  });

  test('V5-D: extra X-Duo headers are lower-cased, sorted and hashed', () => {
    expect(hashDuoHeaders({ 'X-Duo-Header-1': 'header_value_1' })).toBe(
      '630b4bfe7e9abd03da2eee8f0a5d4e60a254ec880a839bcc2223bb5b9443e8ef24d58f0254f1f5934bf8c017ebd0fd5b1acf86766bdbe74185e712a4092df3ed',
    );
    expect(
      hashDuoHeaders({
        'X-Duo-B': 'header_value_2',
        'x-duo-A': 'header_value_1',
      }),
    ).toBe(
      '60be11a30e0756f2ee2afdce1db849b987dcf86c1133394bd7bbbc9877920330c4d78aceacbb377ab8cbd9a8efe6a410fed4047376635ac71226ab46ca10d2b1',
    );
    const canonical = canonicalizeV5({
      date: 'Tue, 17 Nov 2020 14:12:00',
      method: 'POST',
      host: 'foO.BaR52.cOm',
      path: '/Foo/BaR2/qux',
      body: '{"alpha":["a","b","c","d"],"data":"abc123","info":{"another":2,"test":1}}',
      duoHeaders: { 'X-Duo-Header-1': 'header_value_1' },
    });
    expect(hmacSha512Hex(UNICODE_SKEY, canonical)).toBe(
      'd683285f6ca48f26d885d77c5200b3394e8a33ebab4b08fb2ecc7776dfdab5c3a6ec312e733d44824cb2d2b2910bfdf58b50f383429f0b65a772990e02199649',
    );
  });

  test('headers that are not X-Duo-*, duplicated, or carry NUL are refused', () => {
    expect(() => hashDuoHeaders({ Host: 'x' })).toThrow(/X-Duo/);
    expect(() => hashDuoHeaders({ 'X-Duo-A': '1', 'x-duo-a': '2' })).toThrow();
    expect(() => hashDuoHeaders({ 'X-Duo-A': 'a\0b' })).toThrow();
  });
});

describe('agreement with the official Node signer', () => {
  // A small deterministic PRNG so failures reproduce.
  function mulberry32(seed: number) {
    return () => {
      seed |= 0;
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const random = mulberry32(42);
  // Picks whole code points, so an emoji is never split into lone surrogates.
  const pick = (text: string, min: number, max: number) => {
    const chars = Array.from(text);
    return Array.from(
      { length: min + Math.floor(random() * (max - min + 1)) },
      () => chars[Math.floor(random() * chars.length)],
    ).join('');
  };
  // Keys from the unreserved set sort the same raw or encoded, where the Node signer and
  // Duo's Python reference agree; values may hold anything.
  const KEY_CHARS =
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~';
  const VALUE_CHARS =
    KEY_CHARS + ' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}\t\nÆøß漢字€😀';

  test('300 generated GET requests sign identically', () => {
    for (let i = 0; i < 300; i++) {
      const params: Record<string, string> = {};
      const count = Math.floor(random() * 6);
      for (let p = 0; p < count; p++) {
        params[pick(KEY_CHARS, 1, 12)] = pick(VALUE_CHARS, 0, 24);
      }
      const request = {
        date: formatRfc2822(new Date(1_600_000_000_000 + i * 7_777_777)),
        method: random() < 0.5 ? 'GET' : 'get',
        host: `api-${pick('abcdef0123456789', 8, 8)}.DuoSecurity.com`,
        path: `/admin/v1/${pick(KEY_CHARS, 1, 10)}`,
        params,
      };
      const ours = signV5(request, DOCS_KEYS);
      const official = officialSigner.signV5(
        DOCS_KEYS.integrationKey,
        DOCS_KEYS.secretKey,
        request.method,
        request.host,
        request.path,
        params,
        request.date,
        '',
      );
      expect(ours).toBe(official);
    }
  });
});

describe('date header', () => {
  test('RFC 2822 in UTC', () => {
    expect(formatRfc2822(new Date(Date.UTC(2012, 7, 21, 17, 29, 18)))).toBe(
      'Tue, 21 Aug 2012 17:29:18 +0000',
    );
    expect(formatRfc2822(new Date(Date.UTC(2026, 0, 4, 3, 5, 9)))).toBe(
      'Sun, 04 Jan 2026 03:05:09 +0000',
    );
  });
});
