import type { RuleGroup } from "../types";

// US federal sector rules: the FTC Safeguards Rule (GLBA), New York DFS Part 500, SEC Regulation
// S-P as amended in 2024, and the FCC CPNI rule. Each applies only to clients flagged as being in
// its sector (Client regime flags). Sources read 2026-12-02.

const RETRIEVED = "2026-12-02";

export const US_SECTOR_RULES: RuleGroup = {
  group: "us-sector",
  version: "2026-12-02.1",
  rules: [
    {
      // 314.4(j)(1): a "notification event" (acquisition of unencrypted customer information without
      // authorization) involving at least 500 consumers; as soon as possible, no later than 30 days
      // after discovery; discovered on the first day it is known to any employee, officer or agent.
      id: "ftc-safeguards-314-4j",
      regime: "FTC Safeguards Rule (GLBA)",
      citation: "16 CFR 314.4(j)",
      title: "Notice to the FTC of a notification event, 500 or more consumers (by the client)",
      party: "CLIENT",
      recipient: "Federal Trade Commission (online form)",
      when: [
        { kind: "clientFlag", flag: "glbaFinancialInstitution" },
        { kind: "personalData" },
        { kind: "notEncrypted" },
        { kind: "subjectsAtLeast", count: 500 },
      ],
      clock: { start: "DISCOVERY", amount: 30, unit: "CALENDAR_DAYS", outerLimit: true },
      inForce: {
        from: "2024-05-13",
        zone: "America/New_York",
        note: "Amendment of 13 November 2023 (88 FR 77499), effective 13 May 2024.",
      },
      content: [
        { key: "institution", label: "Name and contact information of the reporting financial institution" },
        { key: "information", label: "Description of the types of information involved" },
        { key: "date", label: "Date or date range of the notification event, if it can be determined" },
        { key: "number", label: "Number of consumers affected or potentially affected" },
        { key: "description", label: "General description of the notification event" },
        {
          key: "lawEnforcement",
          label:
            "Whether a law enforcement official has determined in writing that public notice would impede a criminal investigation or damage national security",
        },
      ],
      sources: [
        {
          url: "https://www.ecfr.gov/current/title-16/chapter-I/subchapter-C/part-314/section-314.4",
          retrieved: RETRIEVED,
          title: "16 CFR 314.4 Elements (eCFR)",
        },
        {
          url: "https://www.federalregister.gov/documents/2023/11/13/2023-24412/standards-for-safeguarding-customer-information",
          retrieved: RETRIEVED,
          title: "Standards for Safeguarding Customer Information, 88 FR 77499",
        },
      ],
      note: "Encrypted information counts as unencrypted if the key was also acquired. Only financial institutions under the FTC's jurisdiction (not banks).",
    },
    {
      // 500.17(a)(1) as amended: within 72 hours after determining that a cybersecurity incident has
      // occurred at the covered entity, its affiliates or a third-party service provider. Warden
      // takes the awareness time as that determination.
      id: "nydfs-500-17",
      regime: "NYDFS Cybersecurity Regulation",
      citation: "23 NYCRR 500.17(a)",
      title: "Notice of a cybersecurity incident to the Superintendent (by the client)",
      party: "CLIENT",
      recipient: "New York State Department of Financial Services (DFS Portal)",
      when: [{ kind: "clientFlag", flag: "nydfsCoveredEntity" }],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS" },
      inForce: {
        from: "2017-08-28",
        zone: "America/New_York",
        note: "72 hours since 28 August 2017; the Second Amendment (in force 1 December 2023) made it a cybersecurity incident, including one at a third-party service provider.",
      },
      content: [
        { key: "description", label: "Description of the cybersecurity incident and the systems affected" },
        { key: "thirdParty", label: "Whether it occurred at an affiliate or a third-party service provider" },
        { key: "impact", label: "Impact so far, including any personal or nonpublic information involved" },
        { key: "updates", label: "Any information the Superintendent requests, updated as it becomes known" },
      ],
      unconfirmed:
        "Content fields are those of the DFS Portal form as described in DFS guidance, not listed in the regulation.",
      sources: [
        {
          url: "https://www.dfs.ny.gov/industry_guidance/cybersecurity",
          retrieved: RETRIEVED,
          title: "NYDFS Cybersecurity Resource Center (23 NYCRR Part 500, as amended 1 November 2023)",
        },
      ],
      note: "An extortion payment adds a notice within 24 hours of the payment and a written explanation within 30 days of it (500.17(c)); Warden records no payment time, so those two clocks are not computed.",
    },
    {
      // 248.30(a)(4): as soon as practicable, not later than 30 days after becoming aware that
      // unauthorized access to or use of customer information has occurred or is reasonably likely.
      id: "sec-regsp-individuals",
      regime: "SEC Regulation S-P",
      citation: "17 CFR 248.30(a)(4)",
      title: "Notice to affected individuals (by the covered institution)",
      party: "CLIENT",
      recipient:
        "Individuals whose sensitive customer information was or is reasonably likely to have been accessed or used",
      when: [{ kind: "clientFlag", flag: "regSpCoveredInstitution" }, { kind: "personalData" }],
      clock: { start: "AWARENESS", amount: 30, unit: "CALENDAR_DAYS", outerLimit: true },
      inForce: {
        from: "2025-12-03",
        zone: "America/New_York",
        note: "Compliance date for larger entities 3 December 2025; smaller entities from 3 June 2026. Modelled from the earlier date: for a smaller entity an incident before 3 June 2026 shows an obligation it did not yet owe (waive it on the incident).",
      },
      content: [
        {
          key: "incident",
          label: "The incident in general terms and the type of sensitive customer information involved",
        },
        { key: "date", label: "Date, estimated date or date range of the incident, if reasonably possible" },
        { key: "contact", label: "Contact information for inquiries (toll-free number, e-mail, postal address)" },
        { key: "review", label: "Recommendation to review account statements and report suspicious activity" },
        { key: "fraudAlert", label: "What a fraud alert is and how to place one with the credit reporting agencies" },
        { key: "identityTheft", label: "How to obtain a free credit report and the FTC's identity theft resources" },
      ],
      sources: [
        {
          url: "https://www.ecfr.gov/current/title-17/chapter-II/part-248/subpart-A/subject-group-ECFR4ec2c8a2c5bc2f8/section-248.30",
          retrieved: RETRIEVED,
          title: "17 CFR 248.30 (eCFR)",
        },
        {
          url: "https://www.sec.gov/files/rules/final/2024/34-100155.pdf",
          retrieved: RETRIEVED,
          title: "Regulation S-P amendments, Release 34-100155 (16 May 2024)",
        },
      ],
      note: "Not owed when, after a reasonable investigation, the institution determines that the information has not been and is not reasonably likely to be used in a manner resulting in substantial harm or inconvenience.",
    },
    {
      // 248.30(a)(5)(i): the service provider notifies the covered institution as soon as possible,
      // no later than 72 hours after becoming aware of a breach in security resulting in
      // unauthorized access to a customer information system it maintains: the BPO's own clock.
      id: "sec-regsp-service-provider",
      regime: "SEC Regulation S-P",
      citation: "17 CFR 248.30(a)(5)(i)",
      title: "Service provider notice to the covered institution",
      party: "BPO",
      recipient: "The client (covered institution)",
      when: [{ kind: "clientFlag", flag: "regSpCoveredInstitution" }, { kind: "personalData" }],
      clock: { start: "AWARENESS", amount: 72, unit: "HOURS", outerLimit: true },
      inForce: {
        from: "2025-12-03",
        zone: "America/New_York",
        note: "As the covered institution's policies must require from 3 December 2025 (larger entities) or 3 June 2026 (smaller).",
      },
      content: [
        { key: "breach", label: "The breach in security and the customer information systems affected" },
        { key: "awareness", label: "When we became aware of it" },
        { key: "information", label: "Customer information accessed or used, as far as known" },
        { key: "contact", label: "Our incident contact" },
      ],
      sources: [
        {
          url: "https://www.ecfr.gov/current/title-17/chapter-II/part-248/subpart-A/subject-group-ECFR4ec2c8a2c5bc2f8/section-248.30",
          retrieved: RETRIEVED,
          title: "17 CFR 248.30 (eCFR)",
        },
      ],
      unconfirmed:
        "Content fields: the rule sets the time only; these are what the covered institution needs for its own notice.",
      note: "The covered institution may have the service provider give the individuals' notice on its behalf; its duty to ensure notice stays.",
    },
    {
      // 64.2011(b): as soon as practicable, no later than 7 business days after reasonable
      // determination of the breach, electronically to the USSS and the FBI via the FCC's facility.
      id: "fcc-cpni-64-2011",
      regime: "FCC CPNI rule",
      citation: "47 CFR 64.2011(b)",
      title: "Notice of a CPNI breach to the Secret Service and the FBI (by the carrier)",
      party: "CLIENT",
      recipient: "U.S. Secret Service and FBI, through the FCC's central reporting facility",
      when: [{ kind: "clientFlag", flag: "telecomCarrier" }, { kind: "personalData" }],
      clock: {
        start: "DETERMINATION",
        amount: 7,
        unit: "BUSINESS_DAYS",
        zone: "America/New_York",
        holidays: "US_FEDERAL",
        outerLimit: true,
      },
      inForce: {
        from: "2007-12-08",
        zone: "America/New_York",
        note: "CPNI Order (FCC 07-22) rules effective 8 December 2007.",
      },
      content: [
        { key: "carrier", label: "The carrier's name, address and contact information" },
        { key: "description", label: "Description of the breach and the method of compromise" },
        { key: "dates", label: "Date range of the incident" },
        { key: "customers", label: "Approximate number of customers affected" },
        { key: "data", label: "Types of data breached" },
      ],
      unconfirmed:
        "The 2023 amendments (FCC 23-111: the FCC itself as a recipient, customers within 30 days of determination, breaches of other personal data) were published on 12 February 2024 with 64.2011 delayed indefinitely; whether they are now in effect is not confirmed, so the 2007 text is encoded. Content fields from the 2023 text.",
      sources: [
        {
          url: "https://www.ecfr.gov/current/title-47/chapter-I/subchapter-B/part-64/subpart-U/section-64.2011",
          retrieved: RETRIEVED,
          title: "47 CFR 64.2011 (eCFR)",
        },
        {
          url: "https://www.federalregister.gov/documents/2024/02/12/2024-01667/data-breach-reporting-requirements",
          retrieved: RETRIEVED,
          title: "Data Breach Reporting Requirements, 89 FR 9968 (12 February 2024)",
        },
      ],
      note: "Customers may not be told, nor the breach made public, until 7 full business days after this notice, unless the carrier shows an extraordinarily urgent need or the agency agrees (64.2011(b)(1)–(3)).",
    },
  ],
};
