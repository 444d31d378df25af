import type { Rule } from "../types";
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

// US state and territory breach-notification statutes, Nebraska to Wyoming (by name; Puerto Rico
// and the US Virgin Islands among them). As in us-states-a-m.ts: encrypted data is spared unless
// a note says otherwise, and where the law fixes no time the clock is a working target.

const NE: StateLaw = {
  code: "US-NE",
  name: "Nebraska",
  zone: "America/Chicago",
  sources: [source("https://nebraskalegislature.gov/laws/statutes.php?statute=87-803", "Neb. Rev. Stat. 87-803")],
};
const NV: StateLaw = {
  code: "US-NV",
  name: "Nevada",
  zone: "America/Los_Angeles",
  sources: [source("https://www.leg.state.nv.us/NRS/NRS-603A.html#NRS603ASec220", "NRS 603A.220")],
};
const NH: StateLaw = {
  code: "US-NH",
  name: "New Hampshire",
  zone: "America/New_York",
  sources: [source("https://www.gencourt.state.nh.us/rsa/html/XXXI/359-C/359-C-20.htm", "RSA 359-C:20")],
};
const NJ: StateLaw = {
  code: "US-NJ",
  name: "New Jersey",
  zone: "America/New_York",
  sources: [source("https://www.njleg.gov/", "N.J.S.A. 56:8-161 to 56:8-166 (New Jersey Legislature)")],
};
const NM: StateLaw = {
  code: "US-NM",
  name: "New Mexico",
  zone: "America/Denver",
  sources: [
    source(
      "https://nmonesource.com/nmos/nmsa/en/item/4340/index.do#!b/57-12C-6",
      "N.M. Stat. 57-12C-6 to 57-12C-10 (Data Breach Notification Act)",
    ),
  ],
};
const NY: StateLaw = {
  code: "US-NY",
  name: "New York",
  zone: "America/New_York",
  sources: [source("https://www.nysenate.gov/legislation/laws/GBS/899-AA", "N.Y. Gen. Bus. Law 899-aa")],
};
const NC: StateLaw = {
  code: "US-NC",
  name: "North Carolina",
  zone: "America/New_York",
  sources: [
    source(
      "https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/Chapter_75/GS_75-65.html",
      "N.C. Gen. Stat. 75-65",
    ),
  ],
};
const ND: StateLaw = {
  code: "US-ND",
  name: "North Dakota",
  zone: "America/Chicago",
  sources: [source("https://ndlegis.gov/cencode/t51c30.pdf", "N.D. Cent. Code 51-30-02 and 51-30-03")],
};
const OH: StateLaw = {
  code: "US-OH",
  name: "Ohio",
  zone: "America/New_York",
  sources: [source("https://codes.ohio.gov/ohio-revised-code/section-1349.19", "Ohio Rev. Code 1349.19")],
};
const OK: StateLaw = {
  code: "US-OK",
  name: "Oklahoma",
  zone: "America/Chicago",
  sources: [
    source(
      "http://www.oklegislature.gov/BillInfo.aspx?Bill=SB626&Session=2500",
      "24 O.S. 161–166 as amended by S.B. 626 (2025), in force 1 January 2026",
    ),
  ],
};
const OR: StateLaw = {
  code: "US-OR",
  name: "Oregon",
  zone: "America/Los_Angeles",
  sources: [source("https://www.oregonlegislature.gov/bills_laws/ors/ors646A.html", "ORS 646A.604")],
};
const PA: StateLaw = {
  code: "US-PA",
  name: "Pennsylvania",
  zone: "America/New_York",
  sources: [
    source(
      "https://www.legis.state.pa.us/cfdocs/legis/LI/uconsCheck.cfm?txtType=HTM&yr=2005&sessInd=0&smthLwInd=0&act=94",
      "Breach of Personal Information Notification Act, 73 P.S. 2301–2330",
    ),
    source(
      "https://www.legis.state.pa.us/cfdocs/legis/li/uconsCheck.cfm?txtType=HTM&yr=2024&sessInd=0&smthLwInd=0&act=33",
      "Act 33 of 2024 (S.B. 824), in force 26 September 2024",
    ),
  ],
};
const PR: StateLaw = {
  code: "US-PR",
  name: "Puerto Rico",
  zone: "America/Puerto_Rico",
  sources: [
    source(
      "https://casetext.com/statute/laws-of-puerto-rico/title-ten-commerce/subtitle-3-business-regulations-generally/chapter-310-citizen-information-on-data-banks-security-act/4052-notification",
      "Citizen Information on Data Banks Security Act, Act 111-2005, 10 L.P.R.A. 4052 (published copy of the statute)",
    ),
  ],
};
const RI: StateLaw = {
  code: "US-RI",
  name: "Rhode Island",
  zone: "America/New_York",
  sources: [
    source("https://webserver.rilegislature.gov/Statutes/TITLE11/11-49.3/11-49.3-4.htm", "R.I. Gen. Laws 11-49.3-4"),
  ],
};
const SC: StateLaw = {
  code: "US-SC",
  name: "South Carolina",
  zone: "America/New_York",
  sources: [source("https://www.scstatehouse.gov/code/t39c001.php", "S.C. Code 39-1-90")],
};
const SD: StateLaw = {
  code: "US-SD",
  name: "South Dakota",
  zone: "America/Chicago",
  sources: [source("https://sdlegislature.gov/Statutes/22-40-20", "SDCL 22-40-19 to 22-40-26")],
};
const TN: StateLaw = {
  code: "US-TN",
  name: "Tennessee",
  zone: "America/Chicago",
  sources: [source("https://www.capitol.tn.gov/", "Tenn. Code 47-18-2107 (Tennessee General Assembly)")],
};
const TX: StateLaw = {
  code: "US-TX",
  name: "Texas",
  zone: "America/Chicago",
  sources: [source("https://statutes.capitol.texas.gov/Docs/BC/htm/BC.521.htm", "Tex. Bus. & Com. Code 521.053")],
};
const UT: StateLaw = {
  code: "US-UT",
  name: "Utah",
  zone: "America/Denver",
  sources: [source("https://le.utah.gov/xcode/Title13/Chapter44/13-44-S202.html", "Utah Code 13-44-202")],
};
const VT: StateLaw = {
  code: "US-VT",
  name: "Vermont",
  zone: "America/New_York",
  sources: [source("https://legislature.vermont.gov/statutes/section/09/062/02435", "9 V.S.A. 2435")],
};
const VI: StateLaw = {
  code: "US-VI",
  name: "US Virgin Islands",
  zone: "America/St_Thomas",
  sources: [
    source(
      "https://legvi.org/virgin-islands-code/",
      "14 V.I.C. 2208 (Identity Theft Prevention Act, Legislature of the Virgin Islands)",
    ),
  ],
};
const VA: StateLaw = {
  code: "US-VA",
  name: "Virginia",
  zone: "America/New_York",
  sources: [source("https://law.lis.virginia.gov/vacode/title18.2/chapter6/section18.2-186.6/", "Va. Code 18.2-186.6")],
};
const WA: StateLaw = {
  code: "US-WA",
  name: "Washington",
  zone: "America/Los_Angeles",
  sources: [source("https://app.leg.wa.gov/RCW/default.aspx?cite=19.255.010", "RCW 19.255.010")],
};
const WV: StateLaw = {
  code: "US-WV",
  name: "West Virginia",
  zone: "America/New_York",
  sources: [source("https://code.wvlegislature.gov/46A-2A-102/", "W. Va. Code 46A-2A-102")],
};
const WI: StateLaw = {
  code: "US-WI",
  name: "Wisconsin",
  zone: "America/Chicago",
  sources: [source("https://docs.legis.wisconsin.gov/statutes/statutes/134/98", "Wis. Stat. 134.98")],
};
const WY: StateLaw = {
  code: "US-WY",
  name: "Wyoming",
  zone: "America/Denver",
  sources: [source("https://wyoleg.gov/statutes/compress/title40.pdf", "Wyo. Stat. 40-12-501 and 40-12-502")],
};

const IMMEDIATELY = 'The statute says "immediately following discovery": the figure is a working target.';
const UNREASONABLE_DELAY =
  'The statute says "without unreasonable delay" and fixes no time: the figure is a working target.';
const MOST_EXPEDIENT =
  'In "the most expedient time possible and without unreasonable delay": 30 days is a working target.';
const AGENCIES_WITH_RESIDENTS =
  'The statute says "without unreasonable delay" and reports the timing, distribution and content of the notices to residents: counted on the residents\' clock.';

export const US_STATES_N_Z: readonly Rule[] = [
  // Nebraska: Neb. Rev. Stat. 87-803 as amended by L.B. 835, in force 21 July 2016.
  residentNotice(NE, {
    citation: "Neb. Rev. Stat. 87-803(1)",
    clock: target(),
    inForce: { from: "2016-07-21" },
    note: "As soon as possible and without unreasonable delay: 30 days is a working target.",
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(NE, "Nebraska Attorney General", {
    citation: "Neb. Rev. Stat. 87-803(2)",
    clock: target(),
    inForce: { from: "2016-07-21" },
    note: "No later than the notice to residents, whatever their number.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(NE, {
    citation: "Neb. Rev. Stat. 87-803(3)",
    clock: target(24, "HOURS"),
    inForce: { from: "2016-07-21" },
    note: "An entity maintaining data it does not own notifies and cooperates with the owner when it becomes aware of a breach; no time is fixed: working target.",
    unconfirmed: SECONDARY,
  }),

  // Nevada: NRS 603A.220.
  residentNotice(NV, {
    citation: "NRS 603A.220(1)",
    clock: target(),
    inForce: { from: "2006-01-01" },
    note: `${MOST_EXPEDIENT} Encryption as defined in NRS 603A.215; PCI DSS compliance is a defence for card data.`,
    unconfirmed: `${SECONDARY} The date in force is not confirmed either.`,
  }),
  agencyNotice(NV, {
    citation: "NRS 603A.220(6)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2006-01-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(NV, {
    citation: "NRS 603A.220(2)",
    clock: target(24, "HOURS"),
    inForce: { from: "2006-01-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // New Hampshire: RSA 359-C:20, in force 1 January 2007.
  residentNotice(NH, {
    citation: "RSA 359-C:20, I(a)",
    clock: target(),
    inForce: { from: "2007-01-01" },
    note: "As soon as possible: 30 days is a working target.",
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(NH, "New Hampshire Attorney General (or the business's primary regulator)", {
    citation: "RSA 359-C:20, I(b)",
    clock: target(),
    inForce: { from: "2007-01-01" },
    note: "Every breach notified to residents, with the anticipated date of that notice and the number notified: on the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(NH, {
    citation: "RSA 359-C:20, VI(a)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2007-01-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(NH, {
    citation: "RSA 359-C:20, I(c)",
    clock: target(24, "HOURS"),
    inForce: { from: "2007-01-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // New Jersey: N.J.S.A. 56:8-161 to 56:8-166, in force 1 January 2006.
  residentNotice(NJ, {
    citation: "N.J.S.A. 56:8-163(a)",
    clock: target(),
    inForce: { from: "2006-01-01" },
    note: MOST_EXPEDIENT,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(NJ, "Division of State Police, New Jersey Department of Law and Public Safety", {
    citation: "N.J.S.A. 56:8-163(c)(1)",
    clock: target(),
    inForce: { from: "2006-01-01" },
    note: "Every breach, before the residents are told: at the latest by the working target of the notice to residents.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(NJ, {
    citation: "N.J.S.A. 56:8-163(f)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2006-01-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(NJ, {
    citation: "N.J.S.A. 56:8-163(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2006-01-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // New Mexico Data Breach Notification Act (H.B. 15, 2017), in force 16 June 2017.
  residentNotice(NM, {
    citation: "N.M. Stat. 57-12C-6",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2017-06-16" },
    note: "In the most expedient time possible and no later than 45 calendar days after discovery.",
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(NM, "New Mexico Attorney General", {
    citation: "N.M. Stat. 57-12C-10",
    threshold: { over: 1000 },
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2017-06-16" },
    unconfirmed: SECONDARY,
  }),
  agencyNotice(NM, {
    citation: "N.M. Stat. 57-12C-10",
    threshold: { over: 1000 },
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2017-06-16" },
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(NM, {
    citation: "N.M. Stat. 57-12C-7",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2017-06-16" },
    note: "In the most expedient time possible and no later than 45 calendar days after discovery.",
    unconfirmed: SECONDARY,
  }),

  // New York: 30 days from discovery since the amendment of 21 December 2024.
  {
    id: "us-ny",
    regime: "New York",
    citation: "N.Y. Gen. Bus. Law 899-aa",
    title: "Notice to New York residents (by the client)",
    party: "CLIENT",
    recipient: "Affected New York residents",
    when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-NY"] }, { kind: "notEncrypted" }],
    clock: { start: "DISCOVERY", amount: 30, unit: "CALENDAR_DAYS", zone: "America/New_York" },
    inForce: {
      from: "2024-12-21",
      zone: "America/New_York",
      note: "30-day limit added by the amendment signed 21 December 2024, in force at once.",
    },
    content: [
      { key: "contact", label: "Contact information of the business" },
      { key: "agencies", label: "Telephone numbers and web sites of the state and federal agencies on identity theft" },
      { key: "information", label: "Categories of information accessed or acquired, and which elements" },
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
    title: "Notice to New York residents (by the client)",
    party: "CLIENT",
    recipient: "Affected New York residents",
    when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-NY"] }, { kind: "notEncrypted" }],
    clock: { start: "DISCOVERY", amount: 30, unit: "CALENDAR_DAYS", zone: "America/New_York", undueDelay: true },
    inForce: { from: "2005-12-07", until: "2024-12-20", zone: "America/New_York" },
    content: [
      { key: "contact", label: "Contact information of the business" },
      { key: "agencies", label: "Telephone numbers and web sites of the state and federal agencies on identity theft" },
      { key: "information", label: "Categories of information accessed or acquired, and which elements" },
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
  regulatorNotice(NY, "New York Attorney General, Department of State and Division of State Police", {
    citation: "N.Y. Gen. Bus. Law 899-aa(8)(a)",
    clock: days(30, "DISCOVERY"),
    inForce: { from: "2024-12-21", note: "Encoded from the 30-day version; earlier periods not encoded." },
    content: [
      { key: "timing", label: "Timing of the notice" },
      { key: "content", label: "Content of the notice" },
      { key: "distribution", label: "Distribution of the notice" },
      { key: "number", label: "Approximate number of persons affected" },
    ],
    note: "Every breach notified to residents (and the Department of Financial Services for its licensees): on the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(NY, {
    citation: "N.Y. Gen. Bus. Law 899-aa(8)(b)",
    threshold: { over: 5000 },
    clock: days(30, "DISCOVERY"),
    inForce: { from: "2024-12-21", note: "Encoded from the 30-day version; earlier periods not encoded." },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(NY, {
    citation: "N.Y. Gen. Bus. Law 899-aa(3)",
    clock: target(24, "HOURS"),
    inForce: { from: "2005-12-07" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // North Carolina Identity Theft Protection Act, N.C. Gen. Stat. 75-65 (Attorney General notice from 1 October 2009).
  residentNotice(NC, {
    citation: "N.C. Gen. Stat. 75-65(a)",
    clock: target(),
    inForce: { from: "2009-10-01" },
    note: UNREASONABLE_DELAY,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(NC, "Consumer Protection Division, North Carolina Attorney General", {
    citation: "N.C. Gen. Stat. 75-65(e1)",
    clock: target(),
    inForce: { from: "2009-10-01" },
    note: "Every breach notified to residents, without unreasonable delay: on the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(NC, {
    citation: "N.C. Gen. Stat. 75-65(f)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2009-10-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(NC, {
    citation: "N.C. Gen. Stat. 75-65(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2009-10-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // North Dakota: N.D. Cent. Code ch. 51-30 (Attorney General notice from 1 August 2015).
  residentNotice(ND, {
    citation: "N.D. Cent. Code 51-30-02",
    clock: target(),
    inForce: { from: "2015-08-01" },
    note: MOST_EXPEDIENT,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(ND, "North Dakota Attorney General", {
    citation: "N.D. Cent. Code 51-30-02",
    threshold: { over: 250 },
    clock: target(),
    inForce: { from: "2015-08-01" },
    note: "In the most expedient time possible and without unreasonable delay: on the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(ND, {
    citation: "N.D. Cent. Code 51-30-03",
    clock: target(24, "HOURS"),
    inForce: { from: "2015-08-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Ohio: Ohio Rev. Code 1349.19, in force 17 February 2006.
  residentNotice(OH, {
    citation: "Ohio Rev. Code 1349.19(B)(2)",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2006-02-17" },
    note: "In the most expedient time possible and no later than 45 days after discovery or notification of the breach.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(OH, {
    citation: "Ohio Rev. Code 1349.19(G)",
    threshold: { over: 1000 },
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2006-02-17" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(OH, {
    citation: "Ohio Rev. Code 1349.19(C)",
    clock: target(24, "HOURS"),
    inForce: { from: "2006-02-17" },
    note: 'The statute says "in an expeditious manner": working target.',
    unconfirmed: SECONDARY,
  }),

  // Oklahoma Security Breach Notification Act; S.B. 626 (2025) adds the Attorney General from 1 January 2026.
  residentNotice(OK, {
    citation: "24 O.S. 163(A)",
    clock: target(),
    inForce: { from: "2026-01-01", note: "As amended by S.B. 626, for breaches discovered from 1 January 2026." },
    note: UNREASONABLE_DELAY,
    unconfirmed: SECONDARY,
  }),
  residentNotice(OK, {
    citation: "24 O.S. 163(A)",
    clock: target(),
    inForce: { from: "2008-11-01", until: "2025-12-31" },
    note: UNREASONABLE_DELAY,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(OK, "Oklahoma Attorney General", {
    citation: "24 O.S. 163 as amended by S.B. 626 (2025)",
    threshold: { atLeast: 500 },
    clock: afterResidents(OK, 60),
    inForce: { from: "2026-01-01" },
    note: "Without unreasonable delay and no more than 60 days after the notice to residents; for a credit bureau the threshold is 1,000 residents.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(OK, {
    citation: "24 O.S. 163(B)",
    clock: target(24, "HOURS"),
    inForce: { from: "2008-11-01" },
    note: 'The statute says "as soon as practicable following discovery": working target.',
    unconfirmed: SECONDARY,
  }),

  // Oregon Consumer Information Protection Act: 45 days from 1 January 2019 (S.B. 1551);
  // the vendor's 10 days from 1 January 2020 (H.B. 2250).
  residentNotice(OR, {
    citation: "ORS 646A.604(3)",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2019-01-01", note: "45 days under S.B. 1551 (2018), in force 1 January 2019." },
    note: "In the most expeditious manner possible, without unreasonable delay, and no later than 45 days after discovering or being told of the breach.",
    unconfirmed: SECONDARY,
  }),
  residentNotice(OR, {
    citation: "ORS 646A.604",
    clock: target(),
    inForce: { from: "2007-10-01", until: "2018-12-31" },
    note: 'Before 2019: "in the most expeditious manner possible, without unreasonable delay": working target.',
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(OR, "Oregon Attorney General", {
    citation: "ORS 646A.604(1)(b)",
    threshold: { over: 250 },
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2019-01-01", note: "Attorney General notice since 2016; encoded from the 45-day version only." },
    note: "On the residents' clock; a vendor must tell the Attorney General itself when the owner has not.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(OR, {
    citation: "ORS 646A.604(6)",
    threshold: { over: 1000 },
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2019-01-01", note: "Encoded from the 45-day version; earlier periods not encoded." },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(OR, {
    citation: "ORS 646A.604(2)",
    clock: outer(10, "DISCOVERY"),
    inForce: { from: "2020-01-01", note: "10 days under H.B. 2250 (2019), in force 1 January 2020." },
    note: "As soon as practicable and no later than 10 days after discovering the breach or having reason to believe it occurred.",
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(OR, {
    citation: "ORS 646A.604(2)",
    clock: target(24, "HOURS"),
    inForce: { from: "2007-10-01", until: "2019-12-31" },
    note: 'Before 2020: "as soon as practicable": working target.',
    unconfirmed: SECONDARY,
  }),

  // Pennsylvania: Act 33 of 2024 (in force 26 September 2024) adds the Attorney General above
  // 500 residents (its text: "more than 500 ... concurrently") and lowers the agencies' threshold.
  residentNotice(PA, {
    citation: "73 P.S. 2303(a)",
    clock: target(),
    inForce: { from: "2006-06-20" },
    note: `${UNREASONABLE_DELAY} From 26 September 2024, 12 months of credit monitoring where Social Security, bank account or driver's licence numbers were involved.`,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(PA, "Pennsylvania Office of Attorney General", {
    citation: "73 P.S. 2303(c.1)",
    threshold: { over: 500 },
    clock: target(),
    content: [
      { key: "organization", label: "Organization name and location" },
      { key: "date", label: "Date of the breach" },
      { key: "summary", label: "Summary of the breach" },
      { key: "total", label: "Estimated total number of individuals affected" },
      { key: "pennsylvania", label: "Estimated number of Pennsylvania residents affected" },
    ],
    inForce: { from: "2024-09-26" },
    note: "Concurrently with the notice to residents. Entities under 40 Pa.C.S. Ch. 45 (insurance data security) are exempt.",
  }),
  agencyNotice(PA, {
    citation: "73 P.S. 2305",
    threshold: { atLeast: 500 },
    clock: target(),
    inForce: { from: "2024-09-26", note: "500 under Act 33 of 2024." },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: `${SECONDARY} Whether the new threshold reads "500 or more" or "more than 500" is not confirmed.`,
  }),
  agencyNotice(PA, {
    citation: "73 P.S. 2305",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2006-06-20", until: "2024-09-25", note: "More than 1,000 persons at one time, before Act 33." },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(PA, {
    citation: "73 P.S. 2303(c)",
    clock: target(24, "HOURS"),
    inForce: { from: "2006-06-20" },
    note: "A vendor notifies the entity it serves following discovery; no time is fixed: working target.",
    unconfirmed: SECONDARY,
  }),

  // Puerto Rico: Act 111 of 7 September 2005 (amended by Act 97-2008), in force 5 January 2006.
  residentNotice(PR, {
    citation: "10 L.P.R.A. 4052",
    clock: target(),
    content: [
      { key: "breach", label: "The breach described in general terms" },
      { key: "information", label: "Type of sensitive information compromised" },
      { key: "contact", label: "Toll-free number and web site for information or assistance" },
    ],
    inForce: { from: "2006-01-05" },
    note: "As expeditiously as possible: 30 days is a working target.",
    unconfirmed: "The date in force (5 January 2006) rests on a secondary summary.",
  }),
  regulatorNotice(PR, "Puerto Rico Department of Consumer Affairs (DACO)", {
    citation: "10 L.P.R.A. 4052",
    clock: days(10, "DISCOVERY"),
    inForce: { from: "2006-01-05" },
    note: "Within 10 days of detecting the breach, whatever the number of residents; the Department announces it publicly within 24 hours.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  serviceProviderNotice(PR, {
    citation: "10 L.P.R.A. 4052",
    clock: target(24, "HOURS"),
    inForce: { from: "2006-01-05" },
    note: "An entity that resells or gives access to data banks holding citizens' personal information notifies the owner, custodian or holder of any breach that let unauthorized persons reach them; no time is fixed: working target.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),

  // Rhode Island Identity Theft Protection Act of 2015, in force 2 July 2016.
  residentNotice(RI, {
    citation: "R.I. Gen. Laws 11-49.3-4(a)(2)",
    clock: outer(45, "DETERMINATION"),
    inForce: { from: "2016-07-02" },
    note: "In the most expedient time possible and no later than 45 calendar days after confirming the breach and being able to ascertain the information the notice requires. The statute binds whoever stores, owns or maintains the data: no separate service-provider notice.",
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(RI, "Rhode Island Attorney General", {
    citation: "R.I. Gen. Laws 11-49.3-4(a)(2)",
    threshold: { over: 500 },
    clock: outer(45, "DETERMINATION"),
    inForce: { from: "2016-07-02" },
    note: "The timing, content and distribution of the notices and the number affected, without delaying the notice to residents: on the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(RI, {
    citation: "R.I. Gen. Laws 11-49.3-4(a)(2)",
    threshold: { over: 500 },
    clock: outer(45, "DETERMINATION"),
    inForce: { from: "2016-07-02" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),

  // South Carolina: S.C. Code 39-1-90, in force 1 July 2009.
  residentNotice(SC, {
    citation: "S.C. Code 39-1-90(A)",
    clock: target(),
    inForce: { from: "2009-07-01" },
    note: MOST_EXPEDIENT,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(SC, "Consumer Protection Division, South Carolina Department of Consumer Affairs", {
    citation: "S.C. Code 39-1-90(K)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2009-07-01" },
    note: "Without unreasonable delay, with the timing, distribution and content of the notices: on the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(SC, {
    citation: "S.C. Code 39-1-90(K)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2009-07-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(SC, {
    citation: "S.C. Code 39-1-90(B)",
    clock: target(24, "HOURS"),
    inForce: { from: "2009-07-01" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // South Dakota: SDCL 22-40-19 to 22-40-26 (S.B. 62, 2018), in force 1 July 2018.
  residentNotice(SD, {
    citation: "SDCL 22-40-20",
    clock: days(60, "DISCOVERY"),
    inForce: { from: "2018-07-01" },
    note: "No later than 60 days from discovery or notification of the breach. The statute has no service-provider clause. A finding of no likely harm needs notice to the Attorney General first.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  regulatorNotice(SD, "South Dakota Attorney General", {
    citation: "SDCL 22-40-20",
    threshold: { over: 250 },
    clock: days(60, "DISCOVERY"),
    inForce: { from: "2018-07-01" },
    note: "A breach that exceeds 250 residents, by mail or e-mail; the text gives no time of its own: on the residents' clock.",
    unconfirmed: CONTENT_UNCONFIRMED,
  }),
  agencyNotice(SD, {
    citation: "SDCL 22-40-19 to 22-40-26",
    clock: days(60, "DISCOVERY"),
    inForce: { from: "2018-07-01" },
    note: `Every breach notified to residents, whatever their number. ${AGENCIES_WITH_RESIDENTS}`,
    unconfirmed: `${SECONDARY} Summaries disagree: every breach, or more than 1,000 residents; encoded as every breach.`,
  }),

  // Tennessee: 45 days since 1 July 2016; the 2016 text dropped the encryption safe harbour,
  // Public Chapter 91 (2017) restored it from 4 April 2017.
  residentNotice(TN, {
    citation: "Tenn. Code 47-18-2107(b)",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2017-04-04", note: "Encryption safe harbour restored by Pub. Ch. 91 (2017)." },
    note: "Immediately, and no later than 45 days from discovery or notification of the breach.",
    unconfirmed: SECONDARY,
  }),
  residentNotice(TN, {
    citation: "Tenn. Code 47-18-2107(b)",
    when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-TN"] }],
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2016-07-01", until: "2017-04-03", note: "S.B. 2005 (2016): encrypted data not spared." },
    note: "Between 1 July 2016 and 3 April 2017 encrypted data was not spared.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(TN, {
    citation: "Tenn. Code 47-18-2107(g)",
    threshold: { over: 1000 },
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2017-04-04" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(TN, {
    citation: "Tenn. Code 47-18-2107(c)",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2017-04-04" },
    note: "Immediately, and no later than 45 days from discovery: the 45 days are the latest, not the target.",
    unconfirmed: SECONDARY,
  }),

  // Texas Identity Theft Enforcement and Protection Act (Tex. Bus. & Com. Code 521.053).
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
    content: RESIDENT_NOTICE_BASIC,
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
    when: [{ kind: "personalData" }, { kind: "notEncrypted" }, { kind: "residentsOver", codes: ["US-TX"], over: 249 }],
    clock: { start: "DETERMINATION", amount: 30, unit: "CALENDAR_DAYS", zone: "America/Chicago" },
    inForce: {
      from: "2023-09-01",
      zone: "America/Chicago",
      note: "30 days from 1 September 2023 (S.B. 768); 60 days before.",
    },
    content: RESIDENT_NOTICE_BASIC,
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
    when: [{ kind: "personalData" }, { kind: "notEncrypted" }, { kind: "residentsOver", codes: ["US-TX"], over: 249 }],
    clock: { start: "DETERMINATION", amount: 60, unit: "CALENDAR_DAYS", zone: "America/Chicago" },
    inForce: { from: "2020-01-01", until: "2023-08-31", zone: "America/Chicago" },
    content: RESIDENT_NOTICE_BASIC,
    unconfirmed: "Required content fields not confirmed in a primary text.",
    sources: [
      {
        url: "https://statutes.capitol.texas.gov/Docs/BC/htm/BC.521.htm",
        retrieved: "2026-12-02",
        title: "Tex. Bus. & Com. Code ch. 521",
      },
    ],
  },
  agencyNotice(TX, {
    citation: "Tex. Bus. & Com. Code 521.053(h)",
    threshold: { over: 10000 },
    clock: days(60, "DETERMINATION"),
    inForce: { from: "2020-01-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(TX, {
    citation: "Tex. Bus. & Com. Code 521.053(c)",
    clock: target(24, "HOURS"),
    inForce: { from: "2020-01-01" },
    note: 'The statute says "immediately after discovering the breach": working target.',
    unconfirmed: SECONDARY,
  }),

  // Utah Protection of Personal Information Act; S.B. 127 (2023) adds the Attorney General and
  // the Utah Cyber Center, in force 3 May 2023.
  residentNotice(UT, {
    citation: "Utah Code 13-44-202(1)",
    clock: target(),
    inForce: { from: "2009-05-12" },
    note: MOST_EXPEDIENT,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(UT, "Utah Attorney General and Utah Cyber Center", {
    citation: "Utah Code 13-44-202(1)(b)",
    threshold: { atLeast: 500 },
    clock: target(),
    inForce: { from: "2023-05-03" },
    note: "When 500 or more Utah residents are to be notified: on the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(UT, {
    citation: "Utah Code 13-44-202(1)(c)",
    threshold: { atLeast: 1000 },
    clock: target(),
    inForce: { from: "2023-05-03" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: `${SECONDARY} The date this threshold took effect is not confirmed either.`,
  }),
  serviceProviderNotice(UT, {
    citation: "Utah Code 13-44-202(3)",
    clock: target(24, "HOURS"),
    inForce: { from: "2009-05-12" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Vermont Security Breach Notice Act: 45 days and the Attorney General's 14 business days
  // since Act 109 (2012); Act 89 (2020) widened personal information, not the clocks.
  residentNotice(VT, {
    citation: "9 V.S.A. 2435(b)(1)",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2012-05-08" },
    note: "In the most expedient time possible and no later than 45 days after discovery or notification of the breach.",
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(VT, "Vermont Attorney General (or the Department of Financial Regulation)", {
    citation: "9 V.S.A. 2435(b)(3)",
    clock: { start: "DISCOVERY", amount: 14, unit: "BUSINESS_DAYS" },
    inForce: { from: "2012-05-08" },
    note: "A preliminary notice within 14 business days of discovery, or by the notice to consumers if that comes first. Business days are Monday to Friday; public holidays are not skipped, so the time shown is never later than the law's.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(VT, {
    citation: "9 V.S.A. 2435(c)",
    threshold: { over: 1000 },
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2012-05-08" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(VT, {
    citation: "9 V.S.A. 2435(b)(2)",
    clock: target(24, "HOURS"),
    inForce: { from: "2012-05-08" },
    note: 'The statute says "immediately upon discovery": working target.',
    unconfirmed: SECONDARY,
  }),

  // US Virgin Islands: 14 V.I.C. 2208.
  residentNotice(VI, {
    citation: "14 V.I.C. 2208(a)",
    clock: target(),
    inForce: { from: "2005-10-17" },
    note: `${MOST_EXPEDIENT} No regulator or agency notice in the statute.`,
    unconfirmed: `${SECONDARY} The date in force is not confirmed either.`,
  }),
  serviceProviderNotice(VI, {
    citation: "14 V.I.C. 2208(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2005-10-17" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // Virginia: Va. Code 18.2-186.6, in force 1 July 2008.
  residentNotice(VA, {
    citation: "Va. Code 18.2-186.6(B)",
    clock: target(),
    inForce: { from: "2008-07-01" },
    note: UNREASONABLE_DELAY,
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(VA, "Virginia Attorney General", {
    citation: "Va. Code 18.2-186.6(B)",
    clock: target(),
    inForce: { from: "2008-07-01" },
    note: "Every breach, without unreasonable delay: on the residents' clock.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(VA, {
    citation: "Va. Code 18.2-186.6(E)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2008-07-01" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(VA, {
    citation: "Va. Code 18.2-186.6(D)",
    clock: target(24, "HOURS"),
    inForce: { from: "2008-07-01" },
    note: 'The statute says "without unreasonable delay following discovery": working target.',
    unconfirmed: SECONDARY,
  }),

  // Washington: 30 days from 1 March 2020 (H.B. 1071), 45 days before (H.B. 1078, 2015).
  {
    id: "us-wa",
    regime: "Washington",
    citation: "RCW 19.255.010",
    title: "Notice to Washington residents (by the client)",
    party: "CLIENT",
    recipient: "Affected Washington residents",
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
  {
    id: "us-wa",
    regime: "Washington",
    citation: "RCW 19.255.010",
    title: "Notice to Washington residents (by the client)",
    party: "CLIENT",
    recipient: "Affected Washington residents",
    when: [{ kind: "personalData" }, { kind: "jurisdictionAny", codes: ["US-WA"] }, { kind: "notEncrypted" }],
    clock: { start: "DISCOVERY", amount: 45, unit: "CALENDAR_DAYS", zone: "America/Los_Angeles" },
    inForce: {
      from: "2015-07-24",
      until: "2020-02-29",
      zone: "America/Los_Angeles",
      note: "45 days under H.B. 1078 (2015).",
    },
    content: [
      { key: "plain", label: "Plain-language description" },
      { key: "information", label: "Types of information involved" },
      { key: "contact", label: "Contact information" },
    ],
    unconfirmed: SECONDARY,
    sources: WA.sources,
  },
  regulatorNotice(WA, "Washington Attorney General", {
    citation: "RCW 19.255.010(7)",
    threshold: { over: 500 },
    clock: days(30, "DISCOVERY"),
    inForce: { from: "2020-03-01", note: "30 days from H.B. 1071 (2019), in force 1 March 2020." },
    note: "No more than 30 calendar days after the breach was discovered.",
    unconfirmed: SECONDARY,
  }),
  regulatorNotice(WA, "Washington Attorney General", {
    citation: "RCW 19.255.010",
    threshold: { over: 500 },
    clock: days(45, "DISCOVERY"),
    inForce: { from: "2015-07-24", until: "2020-02-29", note: "45 days under H.B. 1078 (2015)." },
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(WA, {
    citation: "RCW 19.255.010(2)",
    clock: target(24, "HOURS"),
    inForce: { from: "2015-07-24" },
    note: IMMEDIATELY,
    unconfirmed: SECONDARY,
  }),

  // West Virginia: W. Va. Code 46A-2A-101 to 105, in force 6 June 2008.
  residentNotice(WV, {
    citation: "W. Va. Code 46A-2A-102(a)",
    clock: target(),
    inForce: { from: "2008-06-06" },
    note: UNREASONABLE_DELAY,
    unconfirmed: SECONDARY,
  }),
  agencyNotice(WV, {
    citation: "W. Va. Code 46A-2A-102(d)",
    threshold: { over: 1000 },
    clock: target(),
    inForce: { from: "2008-06-06" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(WV, {
    citation: "W. Va. Code 46A-2A-102(b)",
    clock: target(24, "HOURS"),
    inForce: { from: "2008-06-06" },
    note: 'The statute says "as soon as practicable following discovery": working target.',
    unconfirmed: SECONDARY,
  }),

  // Wisconsin: Wis. Stat. 134.98, in force 31 March 2006.
  residentNotice(WI, {
    citation: "Wis. Stat. 134.98(3)(a)",
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2006-03-31" },
    note: "Within a reasonable time, not to exceed 45 days after learning of the acquisition.",
    unconfirmed: SECONDARY,
  }),
  agencyNotice(WI, {
    citation: "Wis. Stat. 134.98(2)(br)",
    threshold: { over: 1000 },
    clock: outer(45, "DISCOVERY"),
    inForce: { from: "2006-03-31" },
    note: AGENCIES_WITH_RESIDENTS,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(WI, {
    citation: "Wis. Stat. 134.98(2)(bm)",
    clock: target(24, "HOURS"),
    inForce: { from: "2006-03-31" },
    note: 'The statute says "as soon as practicable": working target.',
    unconfirmed: SECONDARY,
  }),

  // Wyoming: Wyo. Stat. 40-12-502 as amended in 2015, in force 1 July 2015.
  residentNotice(WY, {
    citation: "Wyo. Stat. 40-12-502(a)",
    clock: target(),
    inForce: { from: "2015-07-01" },
    note: `${MOST_EXPEDIENT} No regulator or agency notice in the statute.`,
    unconfirmed: SECONDARY,
  }),
  serviceProviderNotice(WY, {
    citation: "Wyo. Stat. 40-12-502(g)",
    clock: target(24, "HOURS"),
    inForce: { from: "2015-07-01" },
    note: 'The statute says "as soon as practicable following the determination of the breach": working target.',
    unconfirmed: SECONDARY,
  }),
];
