// Where data subjects live. ISO 3166-1 alpha-2 for countries, ISO 3166-2 for US states, so the
// deadline rules can match on them (EU membership, US state statutes…).

export type Jurisdiction = { code: string; name: string; eu?: true };

const EU: Array<[string, string]> = [
  ["AT", "Austria"],
  ["BE", "Belgium"],
  ["BG", "Bulgaria"],
  ["HR", "Croatia"],
  ["CY", "Cyprus"],
  ["CZ", "Czechia"],
  ["DK", "Denmark"],
  ["EE", "Estonia"],
  ["FI", "Finland"],
  ["FR", "France"],
  ["DE", "Germany"],
  ["GR", "Greece"],
  ["HU", "Hungary"],
  ["IE", "Ireland"],
  ["IT", "Italy"],
  ["LV", "Latvia"],
  ["LT", "Lithuania"],
  ["LU", "Luxembourg"],
  ["MT", "Malta"],
  ["NL", "Netherlands"],
  ["PL", "Poland"],
  ["PT", "Portugal"],
  ["RO", "Romania"],
  ["SK", "Slovakia"],
  ["SI", "Slovenia"],
  ["ES", "Spain"],
  ["SE", "Sweden"],
];

const US_STATES: Array<[string, string]> = [
  ["AL", "Alabama"],
  ["AK", "Alaska"],
  ["AZ", "Arizona"],
  ["AR", "Arkansas"],
  ["CA", "California"],
  ["CO", "Colorado"],
  ["CT", "Connecticut"],
  ["DE", "Delaware"],
  ["DC", "District of Columbia"],
  ["FL", "Florida"],
  ["GA", "Georgia"],
  ["HI", "Hawaii"],
  ["ID", "Idaho"],
  ["IL", "Illinois"],
  ["IN", "Indiana"],
  ["IA", "Iowa"],
  ["KS", "Kansas"],
  ["KY", "Kentucky"],
  ["LA", "Louisiana"],
  ["ME", "Maine"],
  ["MD", "Maryland"],
  ["MA", "Massachusetts"],
  ["MI", "Michigan"],
  ["MN", "Minnesota"],
  ["MS", "Mississippi"],
  ["MO", "Missouri"],
  ["MT", "Montana"],
  ["NE", "Nebraska"],
  ["NV", "Nevada"],
  ["NH", "New Hampshire"],
  ["NJ", "New Jersey"],
  ["NM", "New Mexico"],
  ["NY", "New York"],
  ["NC", "North Carolina"],
  ["ND", "North Dakota"],
  ["OH", "Ohio"],
  ["OK", "Oklahoma"],
  ["OR", "Oregon"],
  ["PA", "Pennsylvania"],
  ["RI", "Rhode Island"],
  ["SC", "South Carolina"],
  ["SD", "South Dakota"],
  ["TN", "Tennessee"],
  ["TX", "Texas"],
  ["UT", "Utah"],
  ["VT", "Vermont"],
  ["VA", "Virginia"],
  ["WA", "Washington"],
  ["WV", "West Virginia"],
  ["WI", "Wisconsin"],
  ["WY", "Wyoming"],
  ["PR", "Puerto Rico"],
  ["GU", "Guam"],
  ["VI", "U.S. Virgin Islands"],
];

const OTHERS: Array<[string, string]> = [
  ["GB", "United Kingdom"],
  ["CH", "Switzerland"],
  ["NO", "Norway"],
  ["IS", "Iceland"],
  ["LI", "Liechtenstein"],
  ["CA", "Canada"],
  ["CA-QC", "Quebec (Canada)"],
  ["AU", "Australia"],
  ["NZ", "New Zealand"],
  ["SG", "Singapore"],
  ["IN", "India"],
  ["PH", "Philippines"],
  ["JP", "Japan"],
  ["KR", "South Korea"],
  ["CN", "China"],
  ["BR", "Brazil"],
  ["MX", "Mexico"],
  ["ZA", "South Africa"],
  ["AE", "United Arab Emirates"],
];

export const JURISDICTIONS: readonly Jurisdiction[] = [
  ...EU.map(([code, name]) => ({ code, name: `${name} (EU)`, eu: true as const })),
  ...US_STATES.map(([code, name]) => ({ code: `US-${code}`, name: `${name} (US)` })),
  ...OTHERS.map(([code, name]) => ({ code, name })),
].sort((a, b) => a.name.localeCompare(b.name));

const BY_CODE = new Map(JURISDICTIONS.map((j) => [j.code, j]));

export function isJurisdiction(code: string): boolean {
  return BY_CODE.has(code);
}

export function jurisdictionName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}
