import type { InForce, Rule } from "../types";
import {
  afterResidents,
  CONTENT_UNCONFIRMED,
  RESIDENT_NOTICE_BASIC,
  agencyNotice,
  days,
  outer,
  regulatorNotice,
  residentNotice,
  SECONDARY,
  serviceProviderNotice,
  source,
  target,
  type StateLaw,
} from "./us-state-law";

// US state and territory breach-notification statutes, Alabama to Montana (by name; Guam and the
// District of Columbia among them). Every statute here spares encrypted data (`notEncrypted` in
// the helpers) unless a note says otherwise; most lose that harbour when the key was taken too.
// Where the law fixes no time the clock is a working target (`target`), never shown as law.

const CALIFORNIA_HEADINGS = [
  { key: "whatHappened", label: "What Happened" },
  { key: "information", label: "What Information Was Involved" },
  { key: "whatWeAreDoing", label: "What We Are Doing" },
  { key: "whatYouCanDo", label: "What You Can Do" },
  { key: "moreInformation", label: "For More Information" },
] as const;

// Cal. Civ. Code 1798.82 as amended (30 days to residents, AG sample 15 days later), in force 2026-01-01.
const CA_SB446: InForce = { from: "2026-01-01", zone: "America/Los_Angeles" };
const CA_BEFORE_SB446: InForce = { from: "2003-07-01", until: "2025-12-31", zone: "America/Los_Angeles" };
const CA_AG_BEFORE_SB446: InForce = { from: "2012-01-01", until: "2025-12-31", zone: "America/Los_Angeles" };

const CA: StateLaw = {
  code: "US-CA",
  name: "California",
  zone: "America/Los_Angeles",
  sources: [
    source(
      "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.82",
      "Cal. Civ. Code 1798.82",
    ),
  ],
};
const CO: StateLaw = {
  code: "US-CO",
  name: "Colorado",
  zone: "America/Denver",
  sources: [
    source(
      "https://leg.colorado.gov/sites/default/files/documents/2018A/bills/2018a_1128_signed.pdf",
      "H.B. 18-1128 (C.R.S. 6-1-716)",
    ),
  ],
};
const FL: StateLaw = {
  code: "US-FL",
  name: "Florida",
  zone: "America/New_York",
  sources: [
    source(
      "http://www.leg.state.fl.us/statutes/index.cfm?App_mode=Display_Statute&URL=0500-0599/0501/Sections/0501.171.html",
      "Fla. Stat. 501.171",
    ),
  ],
};

const AL: StateLaw = {
  code: "US-AL",
  name: "Alabama",
  zone: "America/Chicago",
  sources: [
    source("https://alison.legislature.state.al.us/code-of-alabama?section=8-38-5", "Ala. Code 8-38-5 to 8-38-7"),
  ],
};
const AK: StateLaw = {
  code: "US-AK",
  name: "Alaska",
  zone: "America/Anchorage",
  sources: [source("https://www.akleg.gov/basis/statutes.asp#45.48.010", "Alaska Stat. 45.48.010–45.48.090")],
};
const AZ: StateLaw = {
  code: "US-AZ",
  name: "Arizona",
  zone: "America/Phoenix",
  sources: [source("https://www.azleg.gov/ars/18/00552.htm", "A.R.S. 18-552")],
};
const AR: StateLaw = {
  code: "US-AR",
  name: "Arkansas",
  zone: "America/Chicago",
  sources: [
    source(
      "https://arkleg.state.ar.us/Acts/Document?type=pdf&act=1030&ddBienniumSession=2019%2F2019R",
      "Ark. Code 4-110-105 as amended by Act 1030 of 2019",
    ),
  ],
};
const CT: StateLaw = {
  code: "US-CT",
  name: "Connecticut",
  zone: "America/New_York",
  sources: [
    source("https://www.cga.ct.gov/current/pub/chap_669.htm#sec_36a-701b", "Conn. Gen. Stat. 36a-701b"),
    source(
      "http://portal.ct.gov/AG/General/Report-a-Breach-of-Security-Involving-Computerized-Data",
      "Connecticut Attorney General: reporting a breach of security",
    ),
  ],
};
const DE: StateLaw = {
  code: "US-DE",
  name: "Delaware",
  zone: "America/New_York",
  sources: [source("https://delcode.delaware.gov/title6/c012b/index.html", "6 Del. C. 12B-101 to 12B-104")],
};
const DC: StateLaw = {
  code: "US-DC",
  name: "District of Columbia",
  zone: "America/New_York",
  sources: [source("https://code.dccouncil.gov/us/dc/council/code/sections/28-3852", "D.C. Code 28-3852")],
};
const GA: StateLaw = {
  code: "US-GA",
  name: "Georgia",
  zone: "America/New_York",
  sources: [source("https://law.georgia.gov/", "O.C.G.A. 10-1-910 to 10-1-912 (Georgia Attorney General)")],
};
const GU: StateLaw = {
  code: "US-GU",
  name: "Guam",
  zone: "Pacific/Guam",
  sources: [
    source("https://www.guamcourts.org/CompilerofLaws/GCA/09gca/9gc048.pdf", "9 GCA Chapter 48, 48-10 to 48-80"),
  ],
};
const HI: StateLaw = {
  code: "US-HI",
  name: "Hawaii",
  zone: "Pacific/Honolulu",
  sources: [
    source(
      "https://www.capitol.hawaii.gov/hrscurrent/Vol11_Ch0476-0490/HRS0487N/HRS_0487N-0002.htm",
      "Haw. Rev. Stat. 487N-2",
    ),
  ],
};
const ID: StateLaw = {
  code: "US-ID",
  name: "Idaho",
  zone: "America/Boise",
  sources: [
    source("https://legislature.idaho.gov/statutesrules/idstat/title28/t28ch51/sect28-51-105/", "Idaho Code 28-51-105"),
  ],
};
const IL: StateLaw = {
  code: "US-IL",
  name: "Illinois",
  zone: "America/Chicago",
  sources: [
    source("https://www.ilga.gov/legislation/ilcs/ilcs3.asp?ActID=2702&ChapterID=67", "815 ILCS 530/10 and 530/12"),
  ],
};
const IN: StateLaw = {
  code: "US-IN",
  name: "Indiana",
  zone: "America/Indiana/Indianapolis",
  sources: [
    source("http://www.in.gov/legislative/ic/code/title24/ar4.9/ch3.html", "Ind. Code 24-4.9-3"),
    source(
      "https://www.in.gov/attorneygeneral/3037.htm",
      "Indiana Attorney General: security breach FAQ and notification form",
    ),
  ],
};
const IA: StateLaw = {
  code: "US-IA",
  name: "Iowa",
  zone: "America/Chicago",
  sources: [source("https://www.legis.iowa.gov/docs/code/715C.2.pdf", "Iowa Code 715C.2")],
};
const KS: StateLaw = {
  code: "US-KS",
  name: "Kansas",
  zone: "America/Chicago",
  sources: [source("https://www.ksrevisor.gov/statutes/chapters/ch50/050_007a_0002.html", "K.S.A. 50-7a02")],
};
const KY: StateLaw = {
  code: "US-KY",
  name: "Kentucky",
  zone: "America/New_York",
  sources: [source("https://apps.legislature.ky.gov/law/statutes/statute.aspx?id=43326", "KRS 365.732")],
};
const LA: StateLaw = {
  code: "US-LA",
  name: "Louisiana",
  zone: "America/Chicago",
  sources: [source("https://legis.la.gov/Legis/Law.aspx?d=322030", "La. R.S. 51:3074")],
};
const ME: StateLaw = {
  code: "US-ME",
  name: "Maine",
  zone: "America/New_York",
  sources: [source("https://legislature.maine.gov/statutes/10/title10sec1348.html", "10 M.R.S. 1348")],
};
const MD: StateLaw = {
  code: "US-MD",
  name: "Maryland",
  zone: "America/New_York",
  sources: [
    source(
      "https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gcl&section=14-3504",
      "Md. Code Com. Law 14-3504",
    ),
  ],
};
const MA: StateLaw = {
  code: "US-MA",
  name: "Massachusetts",
  zone: "America/New_York",
  sources: [
    source("https://malegislature.gov/Laws/GeneralLaws/PartI/TitleXV/Chapter93H/Section3", "M.G.L. c. 93H, s. 3"),
  ],
};
const MI: StateLaw = {
  code: "US-MI",
  name: "Michigan",
  zone: "America/Detroit",
  sources: [source("https://www.legislature.mi.gov/Laws/MCL?objectName=mcl-445-72", "MCL 445.72")],
};
const MN: StateLaw = {
  code: "US-MN",
  name: "Minnesota",
  zone: "America/Chicago",
  sources: [source("https://www.revisor.mn.gov/statutes/cite/325E.61", "Minn. Stat. 325E.61")],
};
const MS: StateLaw = {
  code: "US-MS",
  name: "Mississippi",
  zone: "America/Chicago",
  sources: [source("https://www.ago.state.ms.us/", "Miss. Code 75-24-29 (Mississippi Attorney General)")],
};
const MO: StateLaw = {
  code: "US-MO",
  name: "Missouri",
  zone: "America/Chicago",
  sources: [source("https://revisor.mo.gov/main/OneSection.aspx?section=407.1500", "RSMo 407.1500")],
};
const MT: StateLaw = {
  code: "US-MT",
  name: "Montana",
  zone: "America/Denver",
  sources: [
    source(
      "https://leg.mt.gov/bills/mca/title_0300/chapter_0140/part_0170/section_0040/0300-0140-0170-0040.html",
      "Mont. Code 30-14-1704",
    ),
  ],
};

const IMMEDIATELY = 'The statute says "immediately following discovery": the figure is a working target.';
const UNREASONABLE_DELAY =
  'The statute says "without unreasonable delay" and fixes no time: the figure is a working target.';
const AGENCIES_WITH_RESIDENTS =
  'The statute says "without unreasonable delay" and reports the timing, distribution and content of the notices to residents: counted on the residents\' clock.';

export const US_STATES_A_M: readonly Rule[] = [
  // Alabama Data Breach Notification Act of 2018 (Act 2018-396), in force 1 June 2018.
  residentNotice(AL, {
    citation: "Ala. Code 8-38-5",
    clock: outer(45, "DETERMINATION"),
    inForce: { from: "2018-06-01" },
    note: "As expeditiously as possible and no later than 45 days after determining that a breach occurred and is reasonably likely to cause substantial harm (or after a third-party agent's notice).",
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(AL, "Alabama Attorney General", {
    citation: "Ala. Code 8-38-6",
    threshold: { over: 1000 },
    clock: outer(45, "DETERMINATION"),
    inForce: { from: "2018-06-01" },
    unconfirmed: SECONDARY,
  }),
  agencyNotice(AL, {
    citation: "Ala. Code 8-38-7",
    threshold: { over: 1000 },
    clock: outer(45, "DETERMINATION"),
    inForce: { from: "2018-06-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(AL, {
    citation: "Ala. Code 8-38-8",
    clock: outer(10, "DISCOVERY"),
    inForce: { from: "2018-06-01" },
    note: "A third-party agent tells the covered entity without unreasonable delay and no later than 10 days after it determines or has reason to believe a breach occurred: counted from discovery, the earlier reading.",
    unconfirmed: SECONDARY,
  }),

  // Alaska Personal Information Protection Act, in force 1 July 2009.
  residentNotice(AK, {
    citation: "Alaska Stat. 45.48.010",
    clock: target(),
    inForce: { from: "2009-07-01" },
    note: 'In "the most expeditious time possible and without unreasonable delay": 30 days is a working target. A written finding of no reasonable likelihood of harm must be sent to the Attorney General instead.',
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  agencyNotice(AK, {
    citation: "Alaska Stat. 45.48.040",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2009-07-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  serviceProviderNotice(AK, {
    citation: "Alaska Stat. 45.48.070(a)",
    clock: target(24, "HOURS"),
    inForce: { from: "2009-07-01" },
    note: "An information recipient that does not own the data notifies the information distributor that owns it (AS 45.48.070); the timing word was not read in the text: working target.",
    unconfirmed: SECONDARY,
  }),

  // Arizona: A.R.S. 18-552 as rewritten by H.B. 2154 (2018), in force 3 August 2018. The
  // 45 days and the "more than one thousand" thresholds are quoted from the statute's text.
  residentNotice(AZ, {
    citation: "A.R.S. 18-552(B)(1)",
    clock: days(45, "DETERMINATION"),
    inForce: { from: "2018-08-03" },
    note: "Within 45 days after the investigation determines there has been a security system breach.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  regulatorNotice(AZ, "Arizona Attorney General and Director of the Department of Homeland Security", {
    citation: "A.R.S. 18-552(B)(2)",
    threshold: { over: 1000 },
    clock: days(45, "DETERMINATION"),
    inForce: { from: "2018-08-03" },
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  agencyNotice(AZ, {
    citation: "A.R.S. 18-552(B)(2)",
    threshold: { over: 1000 },
    clock: days(45, "DETERMINATION"),
    inForce: { from: "2018-08-03" },
    note: "The three largest nationwide consumer reporting agencies, within the same 45 days.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  serviceProviderNotice(AZ, {
    citation: "A.R.S. 18-552(C)",
    clock: target(24, "HOURS"),
    inForce: { from: "2018-08-03" },
    note: 'A person maintaining data it does not own notifies the owner "as soon as practicable" on discovery: working target.',
    unconfirmed: SECONDARY,
  }),

  // Arkansas Personal Information Protection Act; Attorney General notice added by Act 1030 of 2019.
  residentNotice(AR, {
    citation: "Ark. Code 4-110-105(a)",
    clock: target(),
    inForce: { from: "2019-07-23" },
    note: 'In "the most expedient time and manner possible and without unreasonable delay": 30 days is a working target.',
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(AR, "Arkansas Attorney General", {
    citation: "Ark. Code 4-110-105(d)",
    threshold: { over: 1000 },
    clock: outer(45, "DETERMINATION"),
    inForce: { from: "2019-07-23" },
    note: "At the same time as the notice to residents or within 45 days after determining there is a reasonable likelihood of harm, whichever is first.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(AR, {
    citation: "Ark. Code 4-110-105(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2019-07-23" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // California (Cal. Civ. Code 1798.82).
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
    when: [{ kind: "personalData" }, { kind: "notEncrypted" }, { kind: "residentsOver", codes: ["US-CA"], over: 500 }],
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
    when: [{ kind: "personalData" }, { kind: "notEncrypted" }, { kind: "residentsOver", codes: ["US-CA"], over: 500 }],
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
  // California: the residents' notice and the Attorney General's sample are written out above
  // their amendment by S.B. 446 (in force 1 January 2026); the service provider's notice:
  serviceProviderNotice(CA, {
    citation: "Cal. Civ. Code 1798.82(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2003-07-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Colorado (C.R.S. 6-1-716, H.B. 18-1128), in force 1 September 2018.
  {
    id: "us-co",
    regime: "Colorado",
    citation: "C.R.S. 6-1-716",
    title: "Notice to Colorado residents (by the client)",
    party: "CLIENT",
    recipient: "Affected Colorado residents",
    when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-CO"] }, { kind: "notEncrypted" }],
    clock: { start: "DETERMINATION", amount: 30, unit: "CALENDAR_DAYS", zone: "America/Denver" },
    inForce: { from: "2018-09-01", zone: "America/Denver" },
    content: RESIDENT_NOTICE_BASIC,
    unconfirmed: "Required content fields not confirmed in a primary text.",
    sources: [
      {
        url: "https://leg.colorado.gov/sites/default/files/documents/2018A/bills/2018a_1128_signed.pdf",
        retrieved: "2026-12-02",
        title: "H.B. 18-1128 (C.R.S. 6-1-716)",
      },
    ],
  },
  regulatorNotice(CO, "Colorado Attorney General", {
    citation: "C.R.S. 6-1-716(2)(f)",
    threshold: { atLeast: 500 },
    clock: days(30, "DETERMINATION"),
    inForce: { from: "2018-09-01" },
    note: "500 or more Colorado residents: no later than 30 days after determining that a breach occurred.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(CO, {
    citation: "C.R.S. 6-1-716(2)(d)",
    threshold: { over: 1000 },
    clock: days(30, "DETERMINATION"),
    inForce: { from: "2018-09-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(CO, {
    citation: "C.R.S. 6-1-716(2)(e)",
    clock: target(24, "HOURS"),
    inForce: { from: "2018-09-01" },
    note: "A third-party service provider notifies and cooperates with the covered entity; no time is fixed: working target.",
    unconfirmed: SECONDARY,
  }),

  // Connecticut: 90 days from 1 October 2018 (P.A. 18-90), 60 days from 1 October 2021 (P.A. 21-59).
  residentNotice(CT, {
    citation: "Conn. Gen. Stat. 36a-701b(b)",
    clock: outer(60, "DISCOVERY"),
    inForce: { from: "2021-10-01", note: "60 days from P.A. 21-59, in force 1 October 2021." },
    note: "Without unreasonable delay and no later than 60 days after discovery; 24 months of identity theft prevention services where Social Security or taxpayer numbers were involved.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  residentNotice(CT, {
    citation: "Conn. Gen. Stat. 36a-701b(b)",
    clock: outer(90, "DISCOVERY"),
    inForce: { from: "2018-10-01", until: "2021-09-30", note: "90 days under P.A. 18-90." },
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  regulatorNotice(CT, "Connecticut Attorney General", {
    citation: "Conn. Gen. Stat. 36a-701b(b)(2)",
    clock: outer(60, "DISCOVERY"),
    content: [
      { key: "reporter", label: "Name and contact details of the person reporting" },
      { key: "business", label: "Name, address and type of the business that had the breach" },
      { key: "description", label: "Description: dates of the breach, when and how it was discovered, remedial steps" },
      { key: "number", label: "Number of Connecticut residents affected" },
      { key: "categories", label: "Categories of personal information involved" },
      { key: "noticeDates", label: "Dates the notices were or will be sent to residents" },
      { key: "template", label: "A template copy of the notice to residents" },
    ],
    inForce: { from: "2021-10-01", note: "Encoded from the 60-day version; earlier periods not encoded." },
    note: "No later than the notice to residents, whatever their number; the content is what the Attorney General asks for on its reporting page.",
  }),
  serviceProviderNotice(CT, {
    citation: "Conn. Gen. Stat. 36a-701b(c)",
    clock: target(24, "HOURS"),
    inForce: { from: "2018-10-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Delaware: 6 Del. C. ch. 12B as amended by H.B. 180, in force 14 April 2018.
  residentNotice(DE, {
    citation: "6 Del. C. 12B-102(c)",
    clock: outer(60, "DETERMINATION"),
    inForce: { from: "2018-04-14" },
    note: "Without unreasonable delay and no later than 60 days after determining there was a breach; one year of credit monitoring where Social Security numbers were involved.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  regulatorNotice(DE, "Delaware Attorney General", {
    citation: "6 Del. C. 12B-102(d)",
    threshold: { over: 500 },
    clock: outer(60, "DETERMINATION"),
    inForce: { from: "2018-04-14" },
    note: "No later than the notice to residents.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  serviceProviderNotice(DE, {
    citation: "6 Del. C. 12B-102(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2018-04-14" },
    note: 'The statute says "immediately following determination of the breach": working target.',
    unconfirmed: SECONDARY,
  }),

  // District of Columbia: Security Breach Protection Amendment Act of 2020 (D.C. Law 23-98), in force 17 June 2020.
  residentNotice(DC, {
    citation: "D.C. Code 28-3852(a)",
    clock: target(),
    inForce: { from: "2020-06-17" },
    note: 'In "the most expedient time possible and without unreasonable delay": 30 days is a working target. 18 months of identity theft protection where Social Security or taxpayer numbers were involved.',
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(DC, "District of Columbia Attorney General", {
    citation: "D.C. Code 28-3852(b-1)",
    threshold: { atLeast: 50 },
    clock: target(),
    inForce: { from: "2020-06-17" },
    note: "50 or more District residents: in the most expedient manner possible, no later than the notice to residents.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(DC, {
    citation: "D.C. Code 28-3852(d)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2020-06-17" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(DC, {
    citation: "D.C. Code 28-3852(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2020-06-17" },
    note: 'The statute says "in the most expedient time possible following discovery": working target.',
    unconfirmed: SECONDARY,
  }),

  // Florida Information Protection Act of 2014 (Fla. Stat. 501.171), in force 1 July 2014.
  {
    id: "us-fl",
    regime: "Florida",
    citation: "Fla. Stat. 501.171",
    title: "Notice to Florida residents (by the client)",
    party: "CLIENT",
    recipient: "Affected Florida residents",
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
    content: RESIDENT_NOTICE_BASIC,
    sources: [
      {
        url: "http://www.leg.state.fl.us/statutes/index.cfm?App_mode=Display_Statute&URL=0500-0599/0501/Sections/0501.171.html",
        retrieved: "2026-12-02",
        title: "Fla. Stat. 501.171",
      },
    ],
  },
  regulatorNotice(FL, "Florida Department of Legal Affairs", {
    citation: "Fla. Stat. 501.171(3)",
    threshold: { atLeast: 500 },
    clock: days(30, "DETERMINATION"),
    inForce: { from: "2014-07-01" },
    note: "500 or more individuals in Florida: no later than 30 days after determining the breach (15 more days with good cause given in writing within the 30).",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(FL, {
    citation: "Fla. Stat. 501.171(5)",
    threshold: { over: 1000 },
    clock: days(30, "DETERMINATION"),
    inForce: { from: "2014-07-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),

  // Georgia: applies to information brokers and data collectors (O.C.G.A. 10-1-911), in force 5 May 2005.
  residentNotice(GA, {
    citation: "O.C.G.A. 10-1-912(a)",
    clock: target(),
    inForce: { from: "2005-05-05" },
    note: 'Information brokers and data collectors only. In "the most expedient time possible and without unreasonable delay": 30 days is a working target.',
    unconfirmed: `${SECONDARY} The date in force is not confirmed either.`,
  }),
  agencyNotice(GA, {
    citation: "O.C.G.A. 10-1-912(d)",
    threshold: { over: 10000 },
    clock: target(),
    inForce: { from: "2005-05-05" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(GA, {
    citation: "O.C.G.A. 10-1-912(b)",
    clock: { start: "DISCOVERY", amount: 24, unit: "HOURS" },
    inForce: { from: "2005-05-05" },
    note: "A person maintaining data on behalf of an information broker or data collector notifies it within 24 hours of discovering the breach.",
    unconfirmed: SECONDARY,
  }),

  // Guam: 9 GCA Chapter 48 (P.L. 30-004), Notification of Breaches of Personal Information, in force 10 August 2009 (48.70).
  residentNotice(GU, {
    citation: "9 GCA 48-30",
    clock: target(),
    inForce: { from: "2009-08-10" },
    note: "Without unreasonable delay: 30 days is a working target. No regulator or agency notice in the statute.",
    unconfirmed: `${SECONDARY} The date in force is not confirmed either.`,
  }),
  serviceProviderNotice(GU, {
    citation: "9 GCA 48-30(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2009-08-10" },
    note: 'The statute says "as soon as practicable following discovery": working target.',
    unconfirmed: SECONDARY,
  }),

  // Hawaii: Haw. Rev. Stat. ch. 487N, in force 1 January 2007.
  residentNotice(HI, {
    citation: "Haw. Rev. Stat. 487N-2(a)",
    clock: target(),
    inForce: { from: "2007-01-01" },
    note: UNREASONABLE_DELAY,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(HI, "Hawaii Office of Consumer Protection", {
    citation: "Haw. Rev. Stat. 487N-2(f)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2007-01-01" },
    note: "Without unreasonable delay, with the timing, distribution and content of the notices: on the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(HI, {
    citation: "Haw. Rev. Stat. 487N-2(f)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2007-01-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(HI, {
    citation: "Haw. Rev. Stat. 487N-2(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2007-01-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Idaho: Idaho Code 28-51-105 (public agencies report to the Attorney General within 24 hours; businesses do not).
  residentNotice(ID, {
    citation: "Idaho Code 28-51-105(1)",
    clock: target(),
    inForce: { from: "2006-07-01" },
    note: 'In "the most expedient time possible and without unreasonable delay": 30 days is a working target. Only a city, county or state agency must tell the Attorney General (24 hours).',
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(ID, {
    citation: "Idaho Code 28-51-105(2)",
    clock: target(24, "HOURS"),
    inForce: { from: "2006-07-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Illinois Personal Information Protection Act; Attorney General notice from 1 January 2020 (S.B. 1624).
  residentNotice(IL, {
    citation: "815 ILCS 530/10(a)",
    clock: target(),
    inForce: { from: "2020-01-01" },
    note: 'In "the most expedient time possible and without unreasonable delay": 30 days is a working target.',
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(IL, "Illinois Attorney General", {
    citation: "815 ILCS 530/10(e)",
    threshold: { over: 500 },
    clock: target(),
    inForce: { from: "2020-01-01" },
    note: "In the most expedient time possible and no later than the notice to residents.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(IL, {
    citation: "815 ILCS 530/10(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2020-01-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Indiana: 45 days from 1 July 2022 (H.E.A. 1351); before, "without unreasonable delay".
  residentNotice(IN, {
    citation: "Ind. Code 24-4.9-3-3",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2022-07-01", note: "45 days from H.E.A. 1351 (2022), in force 1 July 2022." },
    note: "Without unreasonable delay and no more than 45 days after discovery.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  residentNotice(IN, {
    citation: "Ind. Code 24-4.9-3-3",
    clock: target(),
    inForce: { from: "2009-07-01", until: "2022-06-30" },
    note: UNREASONABLE_DELAY,
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  regulatorNotice(IN, "Indiana Attorney General", {
    citation: "Ind. Code 24-4.9-3-1(c)",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2022-07-01", note: "Encoded from the 45-day version; earlier periods not encoded." },
    note: "Every breach notified to Indiana residents is also disclosed to the Attorney General: on the residents' clock.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  agencyNotice(IN, {
    citation: "Ind. Code 24-4.9-3-1(b)",
    threshold: { over: 1000 },
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2022-07-01", note: "Encoded from the 45-day version; earlier periods not encoded." },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  serviceProviderNotice(IN, {
    citation: "Ind. Code 24-4.9-3-2",
    clock: target(24, "HOURS"),
    inForce: { from: "2009-07-01" },
    note: "A person that maintains data but is not the data base owner notifies the owner if it discovers that personal information was or may have been acquired; no time is fixed: working target.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),

  // Iowa: Iowa Code 715C.2, regulator notice added in 2014 (in force 1 July 2014).
  residentNotice(IA, {
    citation: "Iowa Code 715C.2(1)",
    clock: target(),
    inForce: { from: "2014-07-01" },
    note: 'In "the most expeditious manner possible and without unreasonable delay": 30 days is a working target.',
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(IA, "Director of the Consumer Protection Division, Iowa Attorney General", {
    citation: "Iowa Code 715C.2(8)",
    threshold: { over: 500 },
    clock: afterResidents(IA, 5, "BUSINESS_DAYS"),
    inForce: { from: "2014-07-01" },
    note: "Within 5 business days after the notice to consumers. Business days here are Monday to Friday; public holidays are not skipped, so the time shown is never later than the law's.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(IA, {
    citation: "Iowa Code 715C.2(2)",
    clock: target(24, "HOURS"),
    inForce: { from: "2014-07-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Kansas: K.S.A. 50-7a02, in force 1 July 2006.
  residentNotice(KS, {
    citation: "K.S.A. 50-7a02(a)",
    clock: target(),
    inForce: { from: "2006-07-01" },
    note: 'In "the most expedient time possible and without unreasonable delay": 30 days is a working target.',
    unconfirmed: SECONDARY,
  }),
  agencyNotice(KS, {
    citation: "K.S.A. 50-7a02(f)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2006-07-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(KS, {
    citation: "K.S.A. 50-7a02(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2006-07-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Kentucky: KRS 365.732 (H.B. 232), in force 15 July 2014.
  residentNotice(KY, {
    citation: "KRS 365.732(2)",
    clock: target(),
    inForce: { from: "2014-07-15" },
    note: 'In "the most expedient time possible and without unreasonable delay": 30 days is a working target.',
    unconfirmed: SECONDARY,
  }),
  agencyNotice(KY, {
    citation: "KRS 365.732(7)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2014-07-15" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(KY, {
    citation: "KRS 365.732(3)",
    clock: target(24, "HOURS"),
    inForce: { from: "2014-07-15" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Louisiana: 60 days from 1 August 2018 (Act 382 of 2018); Attorney General within 10 days of the residents' notice.
  residentNotice(LA, {
    citation: "La. R.S. 51:3074(E)",
    clock: outer(60, "DISCOVERY"),
    inForce: { from: "2018-08-01", note: "60 days from Act 382 of 2018, in force 1 August 2018." },
    note: "In the most expedient time possible and no later than 60 days from discovery.",
    unconfirmed: SECONDARY,
  }),
  residentNotice(LA, {
    citation: "La. R.S. 51:3074",
    clock: target(),
    inForce: { from: "2006-01-01", until: "2018-07-31" },
    note: UNREASONABLE_DELAY,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(LA, "Louisiana Attorney General, Consumer Protection Section", {
    citation: "La. Admin. Code 16:III.701",
    clock: afterResidents(LA, 10),
    inForce: { from: "2018-08-01" },
    note: "Written notice within 10 days of distributing the notice to Louisiana residents, whatever their number.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(LA, {
    citation: "La. R.S. 51:3074(D)",
    clock: target(24, "HOURS"),
    inForce: { from: "2018-08-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Maine: 30 days from 19 September 2019 (P.L. 2019, c. 512); before, "as expediently as possible".
  residentNotice(ME, {
    citation: "10 M.R.S. 1348(1)",
    clock: outer(30, "DETERMINATION"),
    inForce: { from: "2019-09-19", note: "30 days from P.L. 2019, c. 512, in force 19 September 2019." },
    note: "As expediently as possible and no more than 30 days after becoming aware of the breach and identifying its scope.",
    unconfirmed: SECONDARY,
  }),
  residentNotice(ME, {
    citation: "10 M.R.S. 1348(1)",
    clock: target(),
    inForce: { from: "2006-01-31", until: "2019-09-18" },
    note: 'Before 19 September 2019: "as expediently as possible and without unreasonable delay": working target.',
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(ME, "Maine Attorney General (or the Department of Professional and Financial Regulation)", {
    citation: "10 M.R.S. 1348(5)",
    clock: outer(30, "DETERMINATION"),
    inForce: { from: "2019-09-19" },
    note: "Whenever residents are notified; a business regulated by the Department of Professional and Financial Regulation tells its regulator instead. On the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(ME, {
    citation: "10 M.R.S. 1348(4)",
    threshold: { over: 1000 },
    clock: outer(30, "DETERMINATION"),
    inForce: { from: "2019-09-19" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(ME, {
    citation: "10 M.R.S. 1348(2)",
    clock: target(24, "HOURS"),
    inForce: { from: "2019-09-19" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Maryland Personal Information Protection Act as amended by H.B. 962 (2022), in force 1 October 2022.
  residentNotice(MD, {
    citation: "Md. Code Com. Law 14-3504(c)",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2022-10-01", note: "45 days from discovery under H.B. 962 (2022), in force 1 October 2022." },
    note: "As soon as reasonably practicable and no later than 45 days after the business discovers or is notified of the breach.",
    unconfirmed: SECONDARY,
  }),
  residentNotice(MD, {
    citation: "Md. Code Com. Law 14-3504(c)",
    clock: outer(45, "DETERMINATION"),
    inForce: {
      from: "2018-01-01",
      until: "2022-09-30",
      note: "H.B. 974 (2017): 45 days after concluding the investigation.",
    },
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(MD, "Maryland Attorney General", {
    citation: "Md. Code Com. Law 14-3504(h)",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2022-10-01" },
    note: "Before the notice to residents, whatever their number: at the latest by the residents' deadline.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(MD, {
    citation: "Md. Code Com. Law 14-3506",
    threshold: { atLeast: 1000 },
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2022-10-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(MD, {
    citation: "Md. Code Com. Law 14-3504(d)",
    clock: outer(10, "DISCOVERY"),
    inForce: { from: "2022-10-01", note: "10 days under H.B. 962 (2022); 45 days before." },
    note: "As soon as practicable and no later than 10 days after discovering or being notified of the breach.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(MD, {
    citation: "Md. Code Com. Law 14-3504(d)",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2018-01-01", until: "2022-09-30" },
    unconfirmed: SECONDARY,
  }),

  // Massachusetts: M.G.L. c. 93H as amended by Chapter 444 of the Acts of 2018, in force 11 April 2019.
  residentNotice(MA, {
    citation: "M.G.L. c. 93H, s. 3(b)",
    clock: target(),
    inForce: { from: "2019-04-11" },
    content: [
      { key: "policeReport", label: "The resident's right to obtain a police report" },
      { key: "freeze", label: "How to request a security freeze, free of charge" },
      { key: "monitoring", label: "Credit monitoring offered (18 months where Social Security numbers were involved)" },
    ],
    note: "As soon as practicable and without unreasonable delay: 30 days is a working target. The notice must not state the nature of the breach or the number of residents affected.",
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(MA, "Massachusetts Attorney General and Office of Consumer Affairs and Business Regulation", {
    citation: "M.G.L. c. 93H, s. 3(b)",
    clock: target(),
    inForce: { from: "2019-04-11" },
    note: "Every breach: as soon as practicable and without unreasonable delay, on the residents' clock. The Office names the consumer reporting agencies to tell.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(MA, {
    citation: "M.G.L. c. 93H, s. 3(a)",
    clock: target(24, "HOURS"),
    inForce: { from: "2019-04-11" },
    note: 'The statute says "as soon as practicable and without unreasonable delay": working target.',
    unconfirmed: SECONDARY,
  }),

  // Michigan: Identity Theft Protection Act, MCL 445.72, in force 2 July 2007.
  residentNotice(MI, {
    citation: "MCL 445.72(1)",
    clock: target(),
    inForce: { from: "2007-07-02" },
    note: UNREASONABLE_DELAY,
    unconfirmed: SECONDARY,
  }),
  agencyNotice(MI, {
    citation: "MCL 445.72(8)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2007-07-02" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(MI, {
    citation: "MCL 445.72(2)",
    clock: target(24, "HOURS"),
    inForce: { from: "2007-07-02" },
    note: "A person maintaining data it does not own notifies the owner; no time is fixed: working target.",
    unconfirmed: SECONDARY,
  }),

  // Minnesota: Minn. Stat. 325E.61, in force 1 January 2006.
  residentNotice(MN, {
    citation: "Minn. Stat. 325E.61, subd. 1(a)",
    clock: target(),
    inForce: { from: "2006-01-01" },
    note: 'In "the most expedient time possible and without unreasonable delay": 30 days is a working target.',
    unconfirmed: SECONDARY,
  }),
  agencyNotice(MN, {
    citation: "Minn. Stat. 325E.61, subd. 2",
    threshold: { over: 500 },
    clock: { start: "DISCOVERY", amount: 48, unit: "HOURS" },
    inForce: { from: "2006-01-01" },
    note: "Within 48 hours of discovering circumstances that require notice to more than 500 persons at one time: counted from discovery, the earlier reading.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(MN, {
    citation: "Minn. Stat. 325E.61, subd. 1(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2006-01-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Mississippi: Miss. Code 75-24-29, in force 1 July 2011.
  residentNotice(MS, {
    citation: "Miss. Code 75-24-29(3)",
    clock: target(),
    inForce: { from: "2011-07-01" },
    note: `${UNREASONABLE_DELAY} No regulator or agency notice in the statute.`,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(MS, {
    citation: "Miss. Code 75-24-29(4)",
    clock: target(24, "HOURS"),
    inForce: { from: "2011-07-01" },
    note: 'The statute says "as soon as practicable following its discovery": working target.',
    unconfirmed: SECONDARY,
  }),

  // Missouri: RSMo 407.1500, in force 28 August 2009.
  residentNotice(MO, {
    citation: "RSMo 407.1500.2(1)",
    clock: target(),
    inForce: { from: "2009-08-28" },
    note: UNREASONABLE_DELAY,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(MO, "Missouri Attorney General", {
    citation: "RSMo 407.1500.2(8)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2009-08-28" },
    note: "Without unreasonable delay, with the timing, distribution and content of the notices: on the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(MO, {
    citation: "RSMo 407.1500.2(8)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2009-08-28" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(MO, {
    citation: "RSMo 407.1500.2(2)",
    clock: target(24, "HOURS"),
    inForce: { from: "2009-08-28" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Montana: Mont. Code 30-14-1704 as amended by H.B. 74 (2015), in force 1 October 2015.
  residentNotice(MT, {
    citation: "Mont. Code 30-14-1704(1)",
    clock: target(),
    inForce: { from: "2015-10-01" },
    note: UNREASONABLE_DELAY,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(MT, "Montana Attorney General, Office of Consumer Protection", {
    citation: "Mont. Code 30-14-1704(8)",
    clock: target(),
    inForce: { from: "2015-10-01" },
    note: "An electronic copy of the notice to residents, with the number notified, simultaneously with it.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(MT, {
    citation: "Mont. Code 30-14-1704(2)",
    clock: target(24, "HOURS"),
    inForce: { from: "2015-10-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),
];
