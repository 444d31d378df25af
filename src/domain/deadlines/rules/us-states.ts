import type { RuleGroup } from "../types";
import { US_STATES_A_M } from "./us-states-a-m";
import { US_STATES_N_Z } from "./us-states-n-z";

// Every US state, the District of Columbia, Puerto Rico, Guam and the US Virgin Islands: notice
// to residents, to the attorney general or regulator, to the consumer reporting agencies, and the
// service provider's (the BPO's) notice to the data owner. One group, written in two files for
// length (Alabama to Montana, Nebraska to Wyoming); the shared shapes are in us-state-law.ts.

export const US_STATE_RULES: RuleGroup = {
  group: "us-states",
  version: "2026-12-02.4",
  rules: [...US_STATES_A_M, ...US_STATES_N_Z],
};
