import {
  chooseRuleSetName,
  DEFAULT_WORKING_TIME_SETTINGS,
  isDoctorInTraining,
} from '../../../../src/domain/clash';

const WORDS = DEFAULT_WORKING_TIME_SETTINGS.doctorsInTraining.jobTitleWords;

describe('doctors in training, by whole words of the job title', () => {
  it.each([
    'FY1',
    'FY1 Doctor',
    'Foundation Year 1 Doctor',
    'F2 (Acute Medicine)',
    'CT2 Surgery',
    'ST4 Registrar',
    'ST8',
    'Specialty Registrar in Geriatrics',
    'StR in Anaesthetics',
    'SpR Cardiology',
    'IMT1',
    'IMT Trainee',
    'GPST2',
    'GP Specialty Trainee',
    'Resident Doctor (FY2)',
    'resident doctor',
  ])('%s is one', (title) => {
    expect(isDoctorInTraining(title, WORDS)).toBe(true);
  });

  it.each([
    'Consultant Geriatrician',
    'Associate Specialist',
    'Staff Nurse',
    'Stroke Nurse Specialist',
    'Strategy Lead',
    'ST9',
    'CT4',
    'F10 Coordinator',
    'Fyfield Ward Manager',
    'Resident Physician Associate',
    'Doctor',
    '',
  ])('%s is not', (title) => {
    expect(isDoctorInTraining(title, WORDS)).toBe(false);
  });

  it('follows a configured list', () => {
    expect(isDoctorInTraining('Clinical Fellow', ['clinical fellow'])).toBe(true);
    expect(isDoctorInTraining('FY1', ['clinical fellow'])).toBe(false);
  });

  it('reads job titles only in the staff groups listed, so a Trainee Pharmacist keeps the pharmacy rules', () => {
    expect(chooseRuleSetName({ profession: 'pharmacy', jobTitle: 'Trainee Pharmacist' })).toBe(
      'agenda_for_change',
    );
    expect(chooseRuleSetName({ profession: 'medical', jobTitle: 'GP Trainee' })).toBe('doctors_in_training');
    expect(chooseRuleSetName({ profession: 'medical', jobTitle: 'Consultant' })).toBe(
      'working_time_regulations',
    );
    expect(chooseRuleSetName({ profession: 'nursing', jobTitle: 'Ward Sister' })).toBe('agenda_for_change');
  });
});
