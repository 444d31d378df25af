import type { InForce, RuleGroup } from "../types";

// US state and territory breach-notification statutes.

const CALIFORNIA_HEADINGS = [
  { key: "whatHappened", label: "What Happened" },
  { key: "information", label: "What Information Was Involved" },
  { key: "whatWeAreDoing", label: "What We Are Doing" },
  { key: "whatYouCanDo", label: "What You Can Do" },
  { key: "moreInformation", label: "For More Information" },
] as const;

const BASIC_STATE = [
  { key: "whatHappened", label: "Description of the breach and its date" },
  { key: "information", label: "Types of information involved" },
  { key: "contact", label: "Contact information" },
] as const;

// Cal. Civ. Code 1798.82 as amended (30 days to residents, AG sample 15 days later), in force 2026-01-01.
const CA_SB446: InForce = { from: "2026-01-01", zone: "America/Los_Angeles" };
const CA_BEFORE_SB446: InForce = { from: "2003-07-01", until: "2025-12-31", zone: "America/Los_Angeles" };
const CA_AG_BEFORE_SB446: InForce = { from: "2012-01-01", until: "2025-12-31", zone: "America/Los_Angeles" };

export const US_STATE_RULES: RuleGroup = {
  group: "us-states",
  version: "2026-12-02.1",
  rules: [
    {
      id: "us-ca",
      regime: "California",
      citation: "Cal. Civ. Code 1798.82",
      title: "Notice to California residents (by the client)",
      party: "CLIENT",
      recipient: "Affected California residents",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-CA"] }, { kind: "notEncrypted" }],
      clock: { start: "DISCOVERY", amount: 30, unit: "CALENDAR_DAYS", zone: "America/Los_Angeles" },
      inForce: CA_SB446,
      content: CALIFORNIA_HEADINGS,
      note: 'Titled "Notice of Data Breach" with these headings (as amended, in force 2026-01-01).',
      sources: [
        {
          url: "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.82",
          retrieved: "2026-12-02",
          title: "Cal. Civ. Code 1798.82",
        },
      ],
    },
    {
      id: "us-ca-ag",
      regime: "California",
      citation: "Cal. Civ. Code 1798.82(f)",
      title: "Sample notice to the California Attorney General (by the client)",
      party: "CLIENT",
      recipient: "California Attorney General",
      when: [
        { kind: "personalData" },
        { kind: "notEncrypted" },
        { kind: "residentsOver", codes: ["US-CA"], over: 500 },
      ],
      clock: {
        start: "PREVIOUS_FILING",
        after: "us-ca",
        amount: 15,
        unit: "CALENDAR_DAYS",
        zone: "America/Los_Angeles",
      },
      inForce: CA_SB446,
      content: [{ key: "sample", label: "A sample copy of the notice sent to residents" }],
      sources: [
        {
          url: "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.82",
          retrieved: "2026-12-02",
          title: "Cal. Civ. Code 1798.82",
        },
      ],
    },
    {
      id: "us-ca",
      regime: "California",
      citation: "Cal. Civ. Code 1798.82",
      title: "Notice to California residents (by the client)",
      party: "CLIENT",
      recipient: "Affected California residents",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-CA"] }, { kind: "notEncrypted" }],
      clock: { start: "DISCOVERY", amount: 30, unit: "CALENDAR_DAYS", zone: "America/Los_Angeles", undueDelay: true },
      inForce: CA_BEFORE_SB446,
      content: CALIFORNIA_HEADINGS,
      note: 'Before 2026-01-01: "in the most expedient time possible and without unreasonable delay"; 30 days is a default, not the law.',
      sources: [
        {
          url: "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.82",
          retrieved: "2026-12-02",
          title: "Cal. Civ. Code 1798.82",
        },
      ],
    },
    {
      id: "us-ca-ag",
      regime: "California",
      citation: "Cal. Civ. Code 1798.82(f)",
      title: "Sample notice to the California Attorney General (by the client)",
      party: "CLIENT",
      recipient: "California Attorney General",
      when: [
        { kind: "personalData" },
        { kind: "notEncrypted" },
        { kind: "residentsOver", codes: ["US-CA"], over: 500 },
      ],
      clock: {
        start: "PREVIOUS_FILING",
        after: "us-ca",
        amount: 15,
        unit: "CALENDAR_DAYS",
        zone: "America/Los_Angeles",
        undueDelay: true,
      },
      inForce: CA_AG_BEFORE_SB446,
      content: [{ key: "sample", label: "A sample copy of the notice sent to residents" }],
      sources: [
        {
          url: "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.82",
          retrieved: "2026-12-02",
          title: "Cal. Civ. Code 1798.82",
        },
      ],
    },
    {
      id: "us-ny",
      regime: "New York",
      citation: "N.Y. Gen. Bus. Law 899-aa",
      title: "Notice to New York residents and the AG, Department of State and State Police (by the client)",
      party: "CLIENT",
      recipient: "Residents; NY Attorney General, Department of State, State Police (and DFS where regulated)",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-NY"] }, { kind: "notEncrypted" }],
      clock: { start: "DISCOVERY", amount: 30, unit: "CALENDAR_DAYS", zone: "America/New_York" },
      inForce: {
        from: "2024-12-21",
        zone: "America/New_York",
        note: "30-day limit added by the amendment signed 21 December 2024, in force at once.",
      },
      content: [
        { key: "timing", label: "Timing of the notice" },
        { key: "content", label: "Content of the notice" },
        { key: "distribution", label: "Distribution of the notice" },
        { key: "number", label: "Approximate number of persons affected" },
      ],
      sources: [
        {
          url: "https://www.nysenate.gov/legislation/laws/GBS/899-AA",
          retrieved: "2026-12-02",
          title: "N.Y. Gen. Bus. Law 899-aa",
        },
      ],
    },
    {
      id: "us-ny",
      regime: "New York",
      citation: "N.Y. Gen. Bus. Law 899-aa",
      title: "Notice to New York residents and the AG, Department of State and State Police (by the client)",
      party: "CLIENT",
      recipient: "Residents; NY Attorney General, Department of State, State Police (and DFS where regulated)",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-NY"] }, { kind: "notEncrypted" }],
      clock: { start: "DISCOVERY", amount: 30, unit: "CALENDAR_DAYS", zone: "America/New_York", undueDelay: true },
      inForce: { from: "2005-12-07", until: "2024-12-20", zone: "America/New_York" },
      content: [
        { key: "timing", label: "Timing of the notice" },
        { key: "content", label: "Content of the notice" },
        { key: "distribution", label: "Distribution of the notice" },
        { key: "number", label: "Approximate number of persons affected" },
      ],
      note: 'Before 2024-12-21: "in the most expedient time possible and without unreasonable delay"; 30 days is a default, not the law.',
      sources: [
        {
          url: "https://www.nysenate.gov/legislation/laws/GBS/899-AA",
          retrieved: "2026-12-02",
          title: "N.Y. Gen. Bus. Law 899-aa",
        },
      ],
    },
    {
      id: "us-co",
      regime: "Colorado",
      citation: "C.R.S. 6-1-716",
      title: "Notice to Colorado residents (AG too if 500+) (by the client)",
      party: "CLIENT",
      recipient: "Colorado residents; Attorney General if 500 or more",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-CO"] }, { kind: "notEncrypted" }],
      clock: { start: "DETERMINATION", amount: 30, unit: "CALENDAR_DAYS", zone: "America/Denver" },
      inForce: { from: "2018-09-01", zone: "America/Denver" },
      content: BASIC_STATE,
      unconfirmed: "Required content fields not confirmed in a primary text.",
      sources: [
        {
          url: "https://leg.colorado.gov/sites/default/files/documents/2018A/bills/2018a_1128_signed.pdf",
          retrieved: "2026-12-02",
          title: "H.B. 18-1128 (C.R.S. 6-1-716)",
        },
      ],
    },
    {
      id: "us-fl",
      regime: "Florida",
      citation: "Fla. Stat. 501.171",
      title: "Notice to Florida residents (Dept. of Legal Affairs if 500+) (by the client)",
      party: "CLIENT",
      recipient: "Florida residents; Department of Legal Affairs if 500 or more",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-FL"] }, { kind: "notEncrypted" }],
      clock: { start: "DETERMINATION", amount: 30, unit: "CALENDAR_DAYS", zone: "America/New_York" },
      inForce: { from: "2014-07-01", zone: "America/New_York" },
      content: [
        { key: "date", label: "Date, estimated date or date range of the breach" },
        { key: "information", label: "Personal information accessed" },
        { key: "contact", label: "Contact information" },
      ],
      sources: [
        {
          url: "http://www.leg.state.fl.us/statutes/index.cfm?App_mode=Display_Statute&URL=0500-0599/0501/Sections/0501.171.html",
          retrieved: "2026-12-02",
          title: "Fla. Stat. 501.171",
        },
      ],
    },
    {
      id: "us-fl-vendor",
      regime: "Florida",
      citation: "Fla. Stat. 501.171(6)",
      title: "Third-party agent notice to the data owner",
      party: "BPO",
      recipient: "The client (data owner)",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-FL"] }, { kind: "notEncrypted" }],
      clock: { start: "DETERMINATION", amount: 10, unit: "CALENDAR_DAYS", zone: "America/New_York" },
      inForce: { from: "2014-07-01", zone: "America/New_York" },
      content: BASIC_STATE,
      sources: [
        {
          url: "http://www.leg.state.fl.us/statutes/index.cfm?App_mode=Display_Statute&URL=0500-0599/0501/Sections/0501.171.html",
          retrieved: "2026-12-02",
          title: "Fla. Stat. 501.171",
        },
      ],
    },
    {
      id: "us-tx",
      regime: "Texas",
      citation: "Tex. Bus. & Com. Code 521.053",
      title: "Notice to Texas residents (by the client)",
      party: "CLIENT",
      recipient: "Texas residents",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-TX"] }, { kind: "notEncrypted" }],
      clock: { start: "DETERMINATION", amount: 60, unit: "CALENDAR_DAYS", zone: "America/Chicago" },
      inForce: { from: "2020-01-01", zone: "America/Chicago" },
      content: BASIC_STATE,
      unconfirmed: "Required content fields not confirmed in a primary text.",
      sources: [
        {
          url: "https://statutes.capitol.texas.gov/Docs/BC/htm/BC.521.htm",
          retrieved: "2026-12-02",
          title: "Tex. Bus. & Com. Code ch. 521",
        },
      ],
    },
    {
      id: "us-tx-ag",
      regime: "Texas",
      citation: "Tex. Bus. & Com. Code 521.053(i)",
      title: "Notice to the Texas Attorney General, 250+ residents (by the client)",
      party: "CLIENT",
      recipient: "Texas Attorney General",
      when: [
        { kind: "personalData" },
        { kind: "notEncrypted" },
        { kind: "residentsOver", codes: ["US-TX"], over: 249 },
      ],
      clock: { start: "DETERMINATION", amount: 30, unit: "CALENDAR_DAYS", zone: "America/Chicago" },
      inForce: {
        from: "2023-09-01",
        zone: "America/Chicago",
        note: "30 days from 1 September 2023 (S.B. 768); 60 days before.",
      },
      content: BASIC_STATE,
      unconfirmed: "Required content fields not confirmed in a primary text.",
      sources: [
        {
          url: "https://statutes.capitol.texas.gov/Docs/BC/htm/BC.521.htm",
          retrieved: "2026-12-02",
          title: "Tex. Bus. & Com. Code ch. 521",
        },
      ],
    },
    {
      id: "us-tx-ag",
      regime: "Texas",
      citation: "Tex. Bus. & Com. Code 521.053(i)",
      title: "Notice to the Texas Attorney General, 250+ residents (by the client)",
      party: "CLIENT",
      recipient: "Texas Attorney General",
      when: [
        { kind: "personalData" },
        { kind: "notEncrypted" },
        { kind: "residentsOver", codes: ["US-TX"], over: 249 },
      ],
      clock: { start: "DETERMINATION", amount: 60, unit: "CALENDAR_DAYS", zone: "America/Chicago" },
      inForce: { from: "2020-01-01", until: "2023-08-31", zone: "America/Chicago" },
      content: BASIC_STATE,
      unconfirmed: "Required content fields not confirmed in a primary text.",
      sources: [
        {
          url: "https://statutes.capitol.texas.gov/Docs/BC/htm/BC.521.htm",
          retrieved: "2026-12-02",
          title: "Tex. Bus. & Com. Code ch. 521",
        },
      ],
    },
    {
      id: "us-wa",
      regime: "Washington",
      citation: "RCW 19.255.010",
      title: "Notice to Washington residents (AG too if more than 500) (by the client)",
      party: "CLIENT",
      recipient: "Washington residents; Attorney General if more than 500",
      when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-WA"] }, { kind: "notEncrypted" }],
      clock: { start: "DISCOVERY", amount: 30, unit: "CALENDAR_DAYS", zone: "America/Los_Angeles" },
      inForce: {
        from: "2020-03-01",
        zone: "America/Los_Angeles",
        note: "30 days from 1 March 2020 (H.B. 1071); 45 days before.",
      },
      content: [
        { key: "plain", label: "Plain-language description" },
        { key: "information", label: "Types of information involved" },
        { key: "contact", label: "Contact information" },
      ],
      sources: [
        {
          url: "https://app.leg.wa.gov/RCW/default.aspx?cite=19.255.010",
          retrieved: "2026-12-02",
          title: "RCW 19.255.010",
        },
      ],
    },
  ],
};
