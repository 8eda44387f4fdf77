import {
  acceptableSignatures,
  matchesAny,
  parseParams,
  percentEncode,
  pythonCanonParams,
  SignedParts,
} from './signature';

/** Official client test vector V2-B / V5-A (Python tests, Ruby test_hmac_sha512). */
const UNICODE_PARAMS = {
  '\u469a\u287b\u35d0\u8ef3\u6727\u502a\u0810\ud091\xc8\uc170': [
    '\u0f45\u1a76\u341a\u654c\uc23f\u9b09\uabe2\u8343\u1b27\u60d0',
  ],
  '\u7449\u7e4b\uccfb\u59ff\ufe5f\u83b7\uadcc\u900c\ucfd1\u7813': [
    '\u8db7\u5022\u92d3\u42ef\u207d\u8730\uacfe\u5617\u0946\u4e30',
  ],
  '\u7470\u9314\u901c\u9eae\u40d8\u4201\u82d8\u8c70\u1d31\ua042': [
    '\u17d9\u0ba8\u9358\uaadf\ua42a\u48be\ufb96\u6fe9\ub7ff\u32f3',
  ],
  '\uc2c5\u2c1d\u2620\u3617\u96b3F\u8605\u20e8\uac21\u5934': [
    '\ufba9\u41aa\ubd83\u840b\u2615\u3e6e\u652d\ua8b5\ud56bU',
  ],
};

const V2B: SignedParts = {
  method: 'PoSt',
  hosts: ['foo.bar52.com'],
  path: '/Foo/BaR2/qux',
  params: UNICODE_PARAMS,
  date: 'Fri, 07 Dec 2012 17:18:00 -0000',
  body: '',
};
const V2B_SKEY = 'gtdfxv9YgVBYcF6dl2Eq17KUQJN2PLM2ODVTkvoT';

describe('signature candidates (official test vectors)', () => {
  it('include the v2 HMAC-SHA1 and HMAC-SHA512 signatures of vector V2-B', () => {
    expect(acceptableSignatures('test_ikey', V2B_SKEY, V2B, 'sha1')).toContain(
      'f01811cbbf9561623ab45b893096267fd46a5178',
    );
    expect(
      acceptableSignatures('test_ikey', V2B_SKEY, V2B, 'sha512'),
    ).toContain(
      '0508065035a03b2a1de2f453e629e791d180329e157f65df6b3e0f08299d4321e1c5c7a7c7ee6b9e5fc80d1fb6fbf3ad5eb7c44dd3b3985a02c37aca53ec3698',
    );
  });

  it('include the v5 signature of vector V5-A', () => {
    expect(
      acceptableSignatures('test_ikey', V2B_SKEY, V2B, 'sha512'),
    ).toContain(
      'de886475f5ee8cf32872a7c10869e4dce7a0038f8b0da01d903469c6240473dfd1abf98b40b34b9ad7fbc99d5df3f2279e7105fd9101c428b94faaeec5e179cf',
    );
  });

  it('hash the raw JSON body for v5 (vector V5-B)', () => {
    const parts: SignedParts = {
      method: 'POST',
      hosts: ['test.duosecurity.com'],
      path: '/test/v1',
      params: {},
      date: 'Tue, 21 Aug 2012 17:29:18 -0000',
      body: '{"realname":"First Last","username":"root"}',
    };
    const expected =
      '7d02409a152764843cccd8284da153b3fb446baad5f998886325e24bc9cd4a244de85ad4bfa7ea285d68209f160835673d8b4f1e1b23d9cd521d26bfe7f366a4';
    expect(
      acceptableSignatures('test_ikey', 'test_skey', parts, 'sha512'),
    ).toContain(expected);
    const reordered = {
      ...parts,
      body: '{"username":"root","realname":"First Last"}',
    };
    expect(
      acceptableSignatures('test_ikey', 'test_skey', reordered, 'sha512'),
    ).not.toContain(expected);
  });
});

describe('canonical parameters', () => {
  it('percent-encode printable ASCII like every official client', () => {
    expect(percentEncode('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')).toBe(
      '%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E_%60%7B%7C%7D~',
    );
    expect(percentEncode('\t\n\x0b\x0c\r ')).toBe('%09%0A%0B%0C%0D%20');
  });

  it('sort Python-style: by encoded key, then encoded value', () => {
    expect(pythonCanonParams({ b: ['2', '1 x'], a: ['~*+'] })).toBe(
      'a=~%2A%2B&b=1%20x&b=2',
    );
    // Node sorts raw keys ('z' < 'é'); Python sorts encoded ones ('%C3%A9' < 'z').
    expect(pythonCanonParams({ z: ['1'], é: ['2'] })).toBe('%C3%A9=2&z=1');
  });

  it('form-decode the wire query: + is a space, repeated keys are kept', () => {
    expect(parseParams('a=1+2&b=%20x&a=0')).toEqual({
      a: ['1 2', '0'],
      b: [' x'],
    });
  });
});

describe('matchesAny', () => {
  it('matches case-insensitively and refuses anything else', () => {
    expect(matchesAny('ABCDEF', ['123456', 'abcdef'])).toBe(true);
    expect(matchesAny('abcdee', ['abcdef'])).toBe(false);
    expect(matchesAny('abc', ['abcdef'])).toBe(false);
  });
});
