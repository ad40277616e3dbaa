import type { Profession, Role } from '../domain/people';

/** How a person's working weeks look, which decides the rota the demo gives them. */
export type RotaPattern = 'office' | 'weekday_clinical' | 'consultant' | 'junior_doctor' | 'nurse_shifts';

/** One row of the demo staff list. `key` and `managerKey` are table keys, turned into ids later. */
export interface DemoStaffRow {
  key: string;
  name: string;
  jobTitle: string;
  department: string;
  profession: Profession;
  managerKey?: string;
  rota: RotaPattern;
  roles?: Role[];
}

/**
 * The staff of the fictional Northmoor Hospitals NHS Foundation Trust. Rows whose key is one of the
 * Playground identities (alex, megan, adele, isaiah, patti, lynne) get that identity's id. The order
 * is part of the data: other ids are derived from a row's position, so append new rows at the end.
 */
export const DEMO_STAFF: readonly DemoStaffRow[] = [
  // Executive team
  { key: 'ruth', name: 'Ruth Okafor', jobTitle: 'Chief Executive', department: 'Executive Office', profession: 'executive', rota: 'office' },
  { key: 'tom', name: 'Tom Hargreaves', jobTitle: 'Chief Operating Officer', department: 'Operations', profession: 'executive', managerKey: 'ruth', rota: 'office' },
  { key: 'priya', name: 'Priya Chandran', jobTitle: 'Director of Nursing', department: 'Nursing and Quality', profession: 'executive', managerKey: 'ruth', rota: 'office' },
  { key: 'james', name: 'James Whitfield', jobTitle: 'Medical Director', department: 'Medical Directorate', profession: 'executive', managerKey: 'ruth', rota: 'office' },
  { key: 'helen', name: 'Helen Marsh', jobTitle: 'Director of Workforce', department: 'Workforce', profession: 'executive', managerKey: 'ruth', rota: 'office' },

  // Doctors
  { key: 'megan', name: 'Megan Bowen', jobTitle: 'Consultant in Acute Medicine and Educational Supervisor', department: 'Acute Medicine', profession: 'medical', managerKey: 'james', rota: 'consultant' },
  { key: 'alex', name: 'Alex Wilber', jobTitle: 'Foundation Year 1 Doctor (FY1)', department: 'Acute Medicine', profession: 'medical', managerKey: 'megan', rota: 'junior_doctor' },
  { key: 'hannah', name: 'Hannah Lewis', jobTitle: 'Specialty Registrar in Acute Medicine (ST4)', department: 'Acute Medicine', profession: 'medical', managerKey: 'megan', rota: 'junior_doctor' },
  { key: 'kwame', name: 'Kwame Mensah', jobTitle: 'Consultant in Emergency Medicine', department: 'Emergency Department', profession: 'medical', managerKey: 'james', rota: 'consultant' },
  { key: 'sam', name: 'Sam Patel', jobTitle: 'Foundation Year 2 Doctor (FY2)', department: 'Emergency Department', profession: 'medical', managerKey: 'kwame', rota: 'junior_doctor' },
  { key: 'fiona', name: 'Fiona Gallagher', jobTitle: 'Consultant in Intensive Care Medicine', department: 'Critical Care', profession: 'medical', managerKey: 'james', rota: 'consultant' },
  { key: 'owen', name: 'Owen Price', jobTitle: 'Core Trainee in Anaesthetics (CT2)', department: 'Critical Care', profession: 'medical', managerKey: 'fiona', rota: 'junior_doctor' },

  // Nurses
  { key: 'grace', name: 'Grace Adeyemi', jobTitle: 'Matron, Urgent and Acute Care', department: 'Acute Medicine', profession: 'nursing', managerKey: 'priya', rota: 'weekday_clinical' },
  { key: 'chloe', name: 'Chloe Evans', jobTitle: 'Ward Sister, Acute Medical Unit', department: 'Acute Medicine', profession: 'nursing', managerKey: 'grace', rota: 'nurse_shifts' },
  { key: 'ben', name: 'Ben Carter', jobTitle: 'Staff Nurse, Acute Medical Unit', department: 'Acute Medicine', profession: 'nursing', managerKey: 'chloe', rota: 'nurse_shifts' },
  { key: 'aisha', name: 'Aisha Rahman', jobTitle: 'Staff Nurse', department: 'Emergency Department', profession: 'nursing', managerKey: 'grace', rota: 'nurse_shifts' },
  { key: 'sarah', name: 'Sarah Quinn', jobTitle: 'Matron, Outpatients and Community', department: 'Outpatients', profession: 'nursing', managerKey: 'priya', rota: 'weekday_clinical' },
  { key: 'marie', name: 'Marie Dubois', jobTitle: 'Diabetes Clinical Nurse Specialist', department: 'Outpatients', profession: 'nursing', managerKey: 'sarah', rota: 'weekday_clinical' },
  { key: 'kerry', name: 'Kerry Walsh', jobTitle: 'District Nurse', department: 'Community Services', profession: 'nursing', managerKey: 'sarah', rota: 'weekday_clinical' },
  { key: 'isaiah', name: 'Isaiah Langer', jobTitle: 'Head of Patient Flow', department: 'Discharge and Patient Flow', profession: 'management', managerKey: 'tom', rota: 'office' },
  { key: 'adele', name: 'Adele Vance', jobTitle: 'Discharge Coordinator (Registered Nurse)', department: 'Discharge and Patient Flow', profession: 'nursing', managerKey: 'isaiah', rota: 'weekday_clinical' },
  { key: 'paul', name: 'Paul Jennings', jobTitle: 'Theatres Manager', department: 'Theatres', profession: 'management', managerKey: 'tom', rota: 'office' },
  { key: 'jake', name: 'Jake Morrison', jobTitle: 'Theatre Scrub Nurse', department: 'Theatres', profession: 'nursing', managerKey: 'paul', rota: 'nurse_shifts' },

  // Midwives
  { key: 'joanne', name: 'Joanne Baxter', jobTitle: 'Head of Midwifery', department: 'Maternity', profession: 'midwifery', managerKey: 'priya', rota: 'office' },
  { key: 'emily', name: 'Emily Turner', jobTitle: 'Midwife', department: 'Maternity', profession: 'midwifery', managerKey: 'joanne', rota: 'nurse_shifts' },

  // Allied health professionals
  { key: 'mark', name: 'Mark Ellison', jobTitle: 'Head of Therapies and Imaging', department: 'Therapies', profession: 'ahp', managerKey: 'tom', rota: 'office' },
  { key: 'lynne', name: 'Lynne Robbins', jobTitle: 'Physiotherapist', department: 'Therapies', profession: 'ahp', managerKey: 'mark', rota: 'weekday_clinical' },
  { key: 'nadia', name: 'Nadia Hussain', jobTitle: 'Occupational Therapist', department: 'Therapies', profession: 'ahp', managerKey: 'mark', rota: 'weekday_clinical' },
  { key: 'rhys', name: 'Rhys Morgan', jobTitle: 'Speech and Language Therapist', department: 'Therapies', profession: 'ahp', managerKey: 'mark', rota: 'weekday_clinical' },
  { key: 'olivia', name: 'Olivia Grant', jobTitle: 'Dietitian', department: 'Therapies', profession: 'ahp', managerKey: 'mark', rota: 'weekday_clinical' },
  { key: 'lewis', name: 'Lewis Armstrong', jobTitle: 'Diagnostic Radiographer', department: 'Imaging', profession: 'ahp', managerKey: 'mark', rota: 'nurse_shifts' },
  { key: 'callum', name: 'Callum Reid', jobTitle: 'Paramedic, Emergency Department', department: 'Emergency Department', profession: 'ahp', managerKey: 'kwame', rota: 'nurse_shifts' },

  // Pharmacy and healthcare science
  { key: 'anita', name: 'Anita Desai', jobTitle: 'Chief Pharmacist', department: 'Pharmacy', profession: 'pharmacy', managerKey: 'james', rota: 'office' },
  { key: 'femi', name: 'Femi Ogunleye', jobTitle: 'Ward Pharmacist', department: 'Pharmacy', profession: 'pharmacy', managerKey: 'anita', rota: 'weekday_clinical' },
  { key: 'ian', name: 'Ian Fletcher', jobTitle: 'Clinical Scientist, Blood Sciences', department: 'Pathology', profession: 'healthcare_science', managerKey: 'james', rota: 'weekday_clinical' },

  // Workforce, administration and research
  { key: 'patti', name: 'Patti Fernandez', jobTitle: 'Programme Lead, Education and Workforce Development', department: 'Workforce', profession: 'management', managerKey: 'helen', rota: 'office', roles: ['staff', 'programme_lead'] },
  { key: 'dan', name: 'Dan Foster', jobTitle: 'Education Administrator', department: 'Workforce', profession: 'admin', managerKey: 'patti', rota: 'office' },
  { key: 'janet', name: 'Janet Hughes', jobTitle: 'Ward Clerk, Acute Medical Unit', department: 'Acute Medicine', profession: 'admin', managerKey: 'chloe', rota: 'office' },
  { key: 'martin', name: 'Martin Cole', jobTitle: 'Head of Research and Innovation', department: 'Research and Innovation', profession: 'research', managerKey: 'james', rota: 'office' },
  { key: 'leah', name: 'Leah Simmons', jobTitle: 'Health Services Researcher', department: 'Research and Innovation', profession: 'research', managerKey: 'martin', rota: 'office' },
];

