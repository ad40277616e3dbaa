import {
  LOWER_RISK,
  NON_CLINICAL,
  readSettingWish,
} from '../../../../src/domain/requestDialog/readSettingWish';

describe('readSettingWish', () => {
  it.each([
    ['only clinics please', { settings: ['outpatient_clinic'] }],
    ['clinics only', { settings: ['outpatient_clinic'] }],
    ["but only if it's outpatients", { settings: ['outpatient_clinic'] }],
    ['not theatres please', { avoidSettings: ['theatre'] }],
    ["i'd rather not go on a ward", { avoidSettings: ['ward'] }],
    ['not on the wards and not in a&e', { avoidSettings: ['ward', 'emergency_department'] }],
    ['something non-clinical', { settings: [...NON_CLINICAL] }],
    ['lower risk settings', { settings: [...LOWER_RISK] }],
    ['any setting is fine', { settings: [] }],
  ])('reads %j', (text, wish) => {
    expect(readSettingWish(text)).toEqual(wish);
  });

  it.each(['a morning with the discharge team', 'shadow a ward manager', 'a day in the eye clinic'])(
    'finds no wish in %j',
    (text) => {
      expect(readSettingWish(text)).toBeUndefined();
    },
  );
});
