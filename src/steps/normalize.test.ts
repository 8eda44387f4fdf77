import {
  convertFields,
  enumEquals,
  FieldConversion,
  isActiveOrBypass,
  isEncrypted,
  isFingerprintConfigured,
  isRecord,
  isScreenLocked,
  isTampered,
  knownOrUndefined,
  knownString,
  normalizeEmail,
  normalizeEnum,
  normalizePlatform,
  notesToList,
  optionalString,
  pluckStrings,
  secondsToEpochMs,
  splitCommaList,
  toBoolean,
  toFiniteNumber,
  toStringList,
  utcIsoToEpochMs,
} from './normalize';

/** Inputs of every wrong type: nothing in normalize.ts may throw on any of them. */
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  -1,
  0,
  '',
  ' ',
  'garbage',
  [],
  [null, 1, {}],
  {},
  Object.create(null),
  Symbol('s'),
  BigInt(10),
  () => 1,
  new Date(0),
  true,
  false,
];

describe('no normaliser throws, whatever it is fed', () => {
  const unary: [string, (value: unknown) => unknown][] = [
    ['toFiniteNumber', toFiniteNumber],
    ['secondsToEpochMs', secondsToEpochMs],
    ['utcIsoToEpochMs', utcIsoToEpochMs],
    ['normalizeEnum', normalizeEnum],
    ['enumEquals', (value) => enumEquals(value, 'Bypass')],
    ['isActiveOrBypass', isActiveOrBypass],
    ['isEncrypted', isEncrypted],
    ['isScreenLocked', isScreenLocked],
    ['isFingerprintConfigured', isFingerprintConfigured],
    ['isTampered', isTampered],
    ['toBoolean', toBoolean],
    ['normalizeEmail', normalizeEmail],
    ['normalizePlatform', normalizePlatform],
    ['optionalString', optionalString],
    ['knownString', knownString],
    ['toStringList', toStringList],
    ['splitCommaList', splitCommaList],
    ['notesToList', notesToList],
    ['isRecord', isRecord],
    ['knownOrUndefined', knownOrUndefined],
    ['pluckStrings', (value) => pluckStrings(value, 'user_id')],
    ['convertFields', (value) => convertFields(value, [['a', 'a', 'flag']])],
  ];
  test.each(unary)('%s', (_name, normalise) => {
    for (const value of ODD_VALUES) {
      expect(() => normalise(value)).not.toThrow();
    }
  });
});

describe('toFiniteNumber: numbers and numeric strings', () => {
  test.each([
    [20, 20],
    [20.5, 20.5],
    ['20', 20],
    [' 20.0 ', 20],
    ['-3', -3],
    ['1e3', undefined],
    ['9'.repeat(400), undefined],
    ['0x10', undefined],
    ['', undefined],
    [NaN, undefined],
    [Infinity, undefined],
    [true, undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => {
    expect(toFiniteNumber(value)).toBe(expected);
  });
});

describe('secondsToEpochMs: Duo epoch seconds → ms', () => {
  test.each([
    [1644967413, 1644967413000],
    ['1540012036', 1540012036000],
    [' 1540012036 ', 1540012036000],
    [1540012036.5, 1540012036500],
    [0, undefined],
    ['0', undefined],
    [-5, undefined],
    [null, undefined],
    [undefined, undefined],
    ['', undefined],
    ['yesterday', undefined],
    [1e13, undefined],
    [NaN, undefined],
    [{}, undefined],
  ])('%j → %j', (value, expected) => {
    expect(secondsToEpochMs(value)).toBe(expected);
  });
});

describe('utcIsoToEpochMs: zone-less ISO is UTC', () => {
  const lastSeen = Date.UTC(2022, 1, 17, 16, 42, 38);
  test.each([
    ['2022-02-17T16:42:38', lastSeen],
    [' 2022-02-17T16:42:38 ', lastSeen],
    ['2022-02-17 16:42:38', lastSeen],
    ['2022-02-17T16:42:38Z', lastSeen],
    ['2022-02-17T16:42:38.250', lastSeen + 250],
    ['2022-02-17T17:42:38+01:00', lastSeen],
    ['2022-02-17T11:42:38-0500', lastSeen],
    ['2022-02-17T16:42', lastSeen - 38_000],
    ['', undefined],
    ['2022-02-30T10:00:00', undefined],
    ['2022-13-01T10:00:00', undefined],
    ['2022-02-17T24:00:00', undefined],
    ['2022-02-17T16:60:00', undefined],
    ['1969-12-31T23:59:59', undefined],
    ['2022-02-17', undefined],
    ['17/02/2022 16:42', undefined],
    [1645116158, undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => {
    expect(utcIsoToEpochMs(value)).toBe(expected);
  });

  test('does not depend on the machine time zone', () => {
    expect(
      new Date(utcIsoToEpochMs('2022-02-17T16:42:38')!).toISOString(),
    ).toBe('2022-02-17T16:42:38.000Z');
  });
});

describe('enums compare case- and space-insensitively', () => {
  test.each([
    ['Bypass', 'bypass', true],
    ['BYPASS', 'Bypass', true],
    [' bypass ', 'Bypass', true],
    ['Not  Tampered', 'not tampered', true],
    ['Active', 'bypass', false],
    [null, 'bypass', false],
    [1, '1', false],
  ])('%j vs %j → %j', (value, expected, equal) => {
    expect(enumEquals(value, expected)).toBe(equal);
  });

  test('normalizeEnum folds, blank is undefined', () => {
    expect(normalizeEnum('  Locked   Out ')).toBe('locked out');
    expect(normalizeEnum('   ')).toBeUndefined();
    expect(normalizeEnum(3)).toBeUndefined();
  });

  test.each([
    ['active', true],
    ['Active', true],
    ['bypass', true],
    ['Bypass', true],
    ['disabled', false],
    ['locked out', false],
    ['pending deletion', false],
    ['', false],
    [undefined, false],
  ])('isActiveOrBypass(%j) → %j', (status, expected) => {
    expect(isActiveOrBypass(status)).toBe(expected);
  });
});

describe('tri-state posture', () => {
  test.each([
    [isEncrypted, 'Encrypted', true],
    [isEncrypted, 'encrypted', true],
    [isEncrypted, 'Unencrypted', false],
    [isEncrypted, 'Unknown', null],
    [isEncrypted, '', null],
    [isEncrypted, undefined, null],
    [isEncrypted, true, null],
    [isScreenLocked, 'Locked', true],
    [isScreenLocked, 'Unlocked', false],
    [isScreenLocked, 'Unknown', null],
    [isFingerprintConfigured, 'Configured', true],
    [isFingerprintConfigured, 'Disabled', false],
    [isFingerprintConfigured, '', null],
    [isTampered, 'Tampered', true],
    [isTampered, 'Not tampered', false],
    [isTampered, 'Not Tampered', false],
    [isTampered, 'Unknown', null],
    [isTampered, null, null],
  ])('%p(%j) → %j', (read, value, expected) => {
    expect(read(value)).toBe(expected);
  });

  test('knownOrUndefined drops only null', () => {
    expect(knownOrUndefined(true)).toBe(true);
    expect(knownOrUndefined(false)).toBe(false);
    expect(knownOrUndefined(null)).toBeUndefined();
  });
});

describe('toBoolean: 0/1 ints, booleans, their strings', () => {
  test.each([
    [1, true],
    [0, false],
    [true, true],
    [false, false],
    ['1', true],
    ['0', false],
    ['true', true],
    [' FALSE ', false],
    [2, undefined],
    [-1, undefined],
    ['yes', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(toBoolean(value)).toBe(expected);
  });
});

describe('normalizeEmail', () => {
  test.each([
    [
      'austin.kelleher+duotest@jupiterone.com',
      'austin.kelleher+duotest@jupiterone.com',
    ],
    ['  Mixed.Case@Example.COM ', 'mixed.case@example.com'],
    ['', undefined],
    ['   ', undefined],
    [null, undefined],
    ['not-an-email', undefined],
    ['two@@example.com', undefined],
    ['user@localhost', undefined],
    ['us er@example.com', undefined],
    ['usér@example.com', undefined],
    [`${'a'.repeat(250)}@example.com`, undefined],
    [42, undefined],
  ])('%j → %j', (value, expected) => {
    expect(normalizeEmail(value)).toBe(expected);
  });

  test('stays fast on adversarial input', () => {
    const started = Date.now();
    normalizeEmail(`${'a'.repeat(120)}@${'a-'.repeat(60)}!`);
    normalizeEmail(`a@${'a'.repeat(240)}`);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('normalizePlatform → the Device schema enum', () => {
  test.each([
    ['Apple iOS', 'ios'],
    ['apple ios', 'ios'],
    ['Google Android', 'android'],
    ['GOOGLE ANDROID', 'android'],
    ['Windows Phone 7', 'windows'],
    ['Windows Phone', 'windows'],
    ['Windows Mobile', 'windows'],
    ['RIM BlackBerry', 'other'],
    ['Java J2ME', 'other'],
    ['Palm WebOS', 'other'],
    ['Symbian OS', 'other'],
    ['Generic Smartphone', 'other'],
    ['Some Future OS', 'other'],
    ['Unknown', null],
    ['', null],
    [null, null],
    [undefined, null],
    [7, null],
  ])('%j → %j', (value, expected) => {
    expect(normalizePlatform(value)).toBe(expected);
  });
});

describe('strings that may be null', () => {
  test.each([
    ['  Pixel 5 ', 'Pixel 5'],
    ['', undefined],
    ['  ', undefined],
    [null, undefined],
    [42, '42'],
    [NaN, undefined],
    [true, undefined],
    [{}, undefined],
  ])('optionalString(%j) → %j', (value, expected) => {
    expect(optionalString(value)).toBe(expected);
  });

  test('knownString also drops Duo\'s "Unknown"', () => {
    expect(knownString('Unknown')).toBeUndefined();
    expect(knownString(' unknown ')).toBeUndefined();
    expect(knownString('iPhone 12')).toBe('iPhone 12');
  });
});

describe('lists', () => {
  test('toStringList keeps real strings once each', () => {
    expect(toStringList(['auto', 'push', '', null, 'push', 7, {}])).toEqual([
      'auto',
      'push',
      '7',
    ]);
    expect(toStringList('push')).toEqual(['push']);
    expect(toStringList(undefined)).toEqual([]);
  });

  test('splitCommaList splits and trims networks', () => {
    expect(splitCommaList('10.0.0.0/8, 192.168.1.1 ,,')).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
    ]);
    expect(splitCommaList('')).toEqual([]);
    expect(splitCommaList(null)).toEqual([]);
    expect(splitCommaList(['1.2.3.4', ' '])).toEqual(['1.2.3.4']);
  });

  test('notesToList', () => {
    expect(notesToList('Hello notes!')).toEqual(['Hello notes!']);
    expect(notesToList('')).toEqual([]);
    expect(notesToList(null)).toEqual([]);
  });

  test('pluckStrings reads one field of each embedded object, or of a single one', () => {
    const users = [
      { user_id: 'DU1', email: ' A@Example.com ' },
      { user_id: 'DU2', email: '' },
      null,
      'DU3',
      { user_id: 'DU1' },
    ];
    expect(pluckStrings(users, 'user_id')).toEqual(['DU1', 'DU2']);
    expect(pluckStrings(users, 'email', normalizeEmail)).toEqual([
      'a@example.com',
    ]);
    expect(pluckStrings({ admin_id: 'DE1' }, 'admin_id')).toEqual(['DE1']);
    expect(pluckStrings(null, 'admin_id')).toEqual([]);
  });
});

describe('convertFields flattens by table', () => {
  const table: FieldConversion[] = [
    ['sms_refresh', 'smsRefresh', 'flag'],
    ['push_enabled', 'pushEnabled', 'flag'],
    ['user_telephony_cost_max', 'userTelephonyCostMax', 'number'],
    ['lockout_expire_duration', 'lockoutExpireDuration', 'number'],
    ['helpdesk_bypass', 'helpdeskBypass', 'string'],
    ['language', 'language', 'string'],
  ];

  test('converts each kind and leaves out null and unreadable values', () => {
    expect(
      convertFields(
        {
          sms_refresh: 0,
          push_enabled: true,
          user_telephony_cost_max: '20.0',
          lockout_expire_duration: null,
          helpdesk_bypass: 'allow',
          language: { nested: true },
          unlisted: 'ignored',
        },
        table,
      ),
    ).toEqual({
      smsRefresh: false,
      pushEnabled: true,
      userTelephonyCostMax: 20,
      helpdeskBypass: 'allow',
    });
  });

  test('a missing source gives no properties', () => {
    expect(convertFields(undefined, table)).toEqual({});
    expect(convertFields([1, 2], table)).toEqual({});
  });
});
