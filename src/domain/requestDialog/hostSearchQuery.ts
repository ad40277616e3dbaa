/** What the host search looks for: what or whom the visitor named, else their purpose and objectives. */
export function hostSearchQuery(reading: { what?: string; purpose?: string; objectives?: string[] }): string {
  if (reading.what) return reading.what;
  return [reading.purpose, ...(reading.objectives ?? [])].filter(Boolean).join('. ');
}
