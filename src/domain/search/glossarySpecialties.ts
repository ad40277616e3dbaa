import type { GlossaryEntry } from './glossaryEntry';

/** Medical and surgical specialties, hospital units and the words of research and finance. */
export const SPECIALTY_ENTRIES: readonly GlossaryEntry[] = [
  {
    plain: 'ear, nose and throat',
    terms: ['ENT', 'ear nose and throat', 'otolaryngology', 'otorhinolaryngology', 'ENT surgeon'],
  },
  {
    plain: 'trauma and orthopaedics',
    terms: [
      'T&O',
      'T and O',
      'orthopaedics',
      'orthopaedic',
      'orthopedics',
      'ortho',
      'orthos',
      'fracture clinic',
      'trauma and orthopaedic',
    ],
  },
  { plain: 'urology', terms: ['urologist', 'urological', 'uro'] },
  { plain: 'dermatology', terms: ['dermatologist', 'derm', 'derms', 'skin clinic'] },
  {
    plain: 'ophthalmology',
    terms: [
      'ophthalmologist',
      'eye clinic',
      'eye unit',
      'eye department',
      'eyes',
      'ophthalmic',
      'orthoptics',
    ],
  },
  {
    plain: 'cardiology',
    terms: ['cardiologist', 'cardiac', 'cath lab', 'catheter lab', 'heart team', 'echocardiography', 'echo'],
  },
  {
    plain: 'respiratory medicine',
    terms: ['respiratory', 'resp', 'chest medicine', 'chest clinic', 'COPD', 'asthma', 'lung', 'spirometry'],
  },
  { plain: 'gastroenterology', terms: ['gastro', 'GI', 'hepatology', 'liver unit'] },
  { plain: 'neurology', terms: ['neuro', 'neurologist', 'neurosciences'] },
  { plain: 'rheumatology', terms: ['rheumatologist', 'rheum'] },
  { plain: 'haematology', terms: ['haematologist', 'haem', 'blood disorders'] },
  { plain: 'endocrinology', terms: ['endocrine', 'endo', 'diabetes and endocrinology'] },
  { plain: 'general surgery', terms: ['surgical', 'gen surg', 'general surgeon', 'surgeons'] },
  {
    plain: 'anaesthetics',
    terms: ['anaesthesia', 'anaesthetist', 'anaesthetic', 'anesthesiology', 'anaesthetic list'],
  },
  {
    plain: 'emergency assessment unit',
    terms: ['EAU', 'emergency assessment', 'medical emergency assessment unit'],
  },
  { plain: 'clinical decision unit', terms: ['CDU', 'clinical decisions unit'] },
  { plain: 'district general hospital', terms: ['DGH', 'district general'] },
  {
    plain: 'out of hours',
    terms: ['OOH', 'out-of-hours', 'after hours', 'hospital at night', 'H@N', 'night team', 'night shift'],
  },
  // A daily meeting at the ward's board about each patient's plan and discharge; not an MDT meeting.
  { plain: 'board round', terms: ['board rounds', 'ward board round', 'white board round'] },
  {
    plain: 'discharge to assess',
    terms: ['D2A', 'discharge 2 assess', 'discharge to assess pathway'],
  },
  {
    plain: 'Data Security and Protection Toolkit',
    terms: ['DSPT', 'DSP toolkit', 'IG toolkit', 'data security and protection'],
  },
  { plain: 'Health Research Authority', terms: ['HRA', 'HRA approval', 'IRAS'] },
  {
    plain: 'research ethics committee',
    terms: ['ethics committee', 'ethics approval', 'ethical approval', 'research ethics'],
    capitalsOnly: ['REC'],
  },
  { plain: 'good clinical practice', terms: ['GCP', 'ICH GCP'] },
  {
    plain: 'patient and public involvement',
    terms: ['PPIE', 'PPI', 'public involvement', 'patient and public involvement and engagement'],
  },
  {
    plain: 'cost improvement programme',
    terms: ['CIP', 'CIPs', 'cost improvement', 'cost improvement plan', 'cost improvement programmes'],
  },
  { plain: 'whole-time equivalent', terms: ['WTE', 'FTE', 'whole time equivalent', 'full time equivalent'] },
  {
    plain: 'tariff',
    terms: [
      'national tariff',
      'payment by results',
      'PbR',
      'NHS payment scheme',
      'HRG',
      'healthcare resource group',
    ],
  },
];
