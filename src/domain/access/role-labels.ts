import type { Role } from "./permissions";

export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  ADMIN: "Administrator",
  MANAGER: "Manager",
  ANALYST: "Analyst",
  CLIENT_CONTACT: "Client contact",
};
