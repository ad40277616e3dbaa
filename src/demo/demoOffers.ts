import type { HostOffer } from '../domain/offers';
import type { Profession } from '../domain/people';

/** One host offer of the demo; the host's profession and department come from the staff list. */
export type DemoOfferRow = Pick<
  HostOffer,
  | 'id'
  | 'title'
  | 'description'
  | 'setting'
  | 'sessions'
  | 'capacityPerWeek'
  | 'capacityPerMonth'
  | 'openTo'
  | 'prerequisites'
  | 'meetingPoint'
> & { hostKey: string };

const CLINICAL_STAFF: Profession[] = [
  'medical',
  'nursing',
  'midwifery',
  'ahp',
  'healthcare_science',
  'pharmacy',
];

export const DEMO_OFFERS: readonly DemoOfferRow[] = [
  {
    id: 'demo-offer-discharge-board-round',
    hostKey: 'adele',
    title: 'A morning with the discharge team',
    description:
      'Join the discharge team for the 09:00 board round, where nurses, doctors, therapists and social workers go through every patient who could go home soon and agree what is still needed. Then sit in on a discharge planning meeting with a family and community services. You will see why discharges get held up and what helps people get home sooner.',
    setting: 'office',
    sessions: [
      { weekday: 'tue', part: 'am' },
      { weekday: 'thu', part: 'am' },
    ],
    capacityPerWeek: 2,
    capacityPerMonth: 4,
    openTo: [],
    prerequisites:
      'None. Bring your trust ID badge. We talk about real patients, so everything you hear stays confidential.',
    meetingPoint:
      'Patient Flow Hub, Level 2, Main Building, next to the site office. Please arrive at 08:50.',
  },
  {
    id: 'demo-offer-physiotherapy-clinic',
    hostKey: 'lynne',
    title: 'Physiotherapy outpatient clinic',
    description:
      'Sit in on a physiotherapy clinic for back, knee and shoulder problems. See how we assess movement, agree goals with each patient and teach exercises they can do at home.',
    setting: 'outpatient_clinic',
    sessions: [{ weekday: 'wed', part: 'pm' }],
    capacityPerWeek: 1,
    capacityPerMonth: 3,
    openTo: [],
    prerequisites: 'None. Each patient is asked first whether they are happy for you to be there.',
    meetingPoint: 'Therapies reception, Ground Floor, Outpatients Building, at 13:20.',
  },
  {
    id: 'demo-offer-diabetes-nurse-clinic',
    hostKey: 'marie',
    title: 'Diabetes nurse clinic',
    description:
      'Spend a clinic with the diabetes nurse specialist. See how we help people adjust their insulin, use glucose sensors and fit their condition around work and family. Useful for anyone who looks after people with diabetes on wards or at home.',
    setting: 'outpatient_clinic',
    sessions: [
      { weekday: 'mon', part: 'pm' },
      { weekday: 'fri', part: 'am' },
    ],
    capacityPerWeek: 1,
    capacityPerMonth: 4,
    openTo: [],
    prerequisites: 'None. Each patient is asked first whether they are happy for you to sit in.',
    meetingPoint: 'Diabetes Centre, Level 1, Outpatients Building.',
  },
  {
    id: 'demo-offer-district-nursing-day',
    hostKey: 'kerry',
    title: 'A day with the district nurses',
    description:
      'Go out with a district nurse visiting people at home: wound care, injections, care at the end of life and checking that people are managing after leaving hospital. See what support there is once patients go home, and what makes a discharge work for them.',
    setting: 'community',
    sessions: [
      { weekday: 'wed', part: 'full_day', start: '08:30', end: '16:30' },
      { weekday: 'thu', part: 'full_day', start: '08:30', end: '16:30' },
    ],
    capacityPerWeek: 1,
    capacityPerMonth: 2,
    openTo: [],
    prerequisites:
      'Comfortable shoes and your ID badge. We travel between visits in a trust car. Patients are asked before you come into their home.',
    meetingPoint: 'Northmoor East Community Hub, 14 Mill Lane, at 08:30.',
  },
  {
    id: 'demo-offer-acute-medical-unit',
    hostKey: 'chloe',
    title: 'A morning on the Acute Medical Unit',
    description:
      'Shadow the nurse in charge of the unit where patients sent in by A&E and their GP spend their first two days. See the handover, the safety huddle, how beds are given out and how the team spots a patient who is getting worse.',
    setting: 'ward',
    sessions: [
      { weekday: 'tue', part: 'am' },
      { weekday: 'wed', part: 'am' },
    ],
    capacityPerWeek: 1,
    capacityPerMonth: 3,
    openTo: [],
    prerequisites:
      'A 15-minute ward induction when you arrive: fire exits, infection control and what to do in an emergency. Bare below the elbows. Nothing about patients leaves the ward.',
    meetingPoint: "Nurses' station, Acute Medical Unit (Ward 7), Level 3, Main Building, at 07:45.",
  },
  {
    id: 'demo-offer-theatre-day',
    hostKey: 'jake',
    title: 'A day in the operating theatre',
    description:
      'Follow a scrub nurse through a planned list of joint operations: the team briefing, the safety checklist, the operations themselves and the handover to the recovery nurses. See how a theatre team works together and why the checklist matters.',
    setting: 'theatre',
    sessions: [
      { weekday: 'mon', part: 'full_day', start: '07:30', end: '17:00' },
      { weekday: 'thu', part: 'full_day', start: '07:30', end: '17:00' },
    ],
    capacityPerWeek: 1,
    capacityPerMonth: 2,
    openTo: CLINICAL_STAFF,
    prerequisites:
      'A theatre induction when you arrive (about 20 minutes). You change into theatre clothes, which we provide. Not for you if you feel faint at the sight of blood.',
    meetingPoint: 'Theatre reception, Level 1, Surgical Block, at 07:30.',
  },
  {
    id: 'demo-offer-research-study',
    hostKey: 'leah',
    title: 'How a research study is run',
    description:
      'See how a study goes from a question to results: planning it, getting approval, finding staff and patients to take part, and collecting and making sense of the data. Includes the weekly study team meeting. Useful if you have an idea you would like to test.',
    setting: 'research',
    sessions: [{ weekday: 'thu', part: 'pm' }],
    capacityPerWeek: 2,
    capacityPerMonth: 4,
    openTo: [],
    prerequisites: 'None.',
    meetingPoint: 'Research and Innovation office, Room 2.14, Education Centre.',
  },
  {
    id: 'demo-offer-trust-board',
    hostKey: 'ruth',
    title: 'Watch the Trust Board meet',
    description:
      'Watch the Trust Board meeting held in public, where the directors look at safety, waiting times, staffing and money, and make decisions. Afterwards there are 20 minutes with the Chief Executive to ask how those decisions are made.',
    setting: 'board_or_policy_meeting',
    // Replaced by the dated meetings (first Thursday of the month, 09:30-12:30) when the demo is built.
    sessions: [{ date: '2026-01-01', start: '09:30', end: '12:30' }],
    capacityPerWeek: 4,
    capacityPerMonth: 4,
    openTo: [],
    prerequisites: 'None. Papers are published a week before; reading the summary helps.',
    meetingPoint: 'Boardroom, Northmoor House (trust headquarters), at 09:15.',
  },
  {
    id: 'demo-offer-ward-pharmacy',
    hostKey: 'femi',
    title: 'A morning with the ward pharmacist',
    description:
      "Join a ward pharmacist checking patients' medicines: what they took at home, what was started in hospital and what they need to take home. See how pharmacists catch mistakes before they reach patients and how medicines to take home are made ready.",
    setting: 'pharmacy',
    sessions: [{ weekday: 'fri', part: 'am' }],
    capacityPerWeek: 1,
    capacityPerMonth: 4,
    openTo: [],
    prerequisites: 'None. Bring your ID badge.',
    meetingPoint: 'Pharmacy dispensary, Ground Floor, Main Building, at 08:45.',
  },
  {
    id: 'demo-offer-blood-sciences-lab',
    hostKey: 'ian',
    title: 'Behind the scenes in the blood test laboratory',
    description:
      'Follow a blood sample from the moment it arrives to the result on the screen. See the analysers, how urgent samples jump the queue and how scientists decide when to phone a result straight to the ward.',
    setting: 'laboratory',
    sessions: [{ weekday: 'tue', part: 'pm' }],
    capacityPerWeek: 2,
    capacityPerMonth: 4,
    openTo: [],
    prerequisites: 'None. We give you a lab coat; no food or drink in the laboratory.',
    meetingPoint: 'Pathology reception, Level 0, Laboratory Block.',
  },
];
