"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import { createUser as create, updateUser as update } from "../services/admin/users";
import { createUserSchema, updateUserSchema } from "@/lib/validation/user";

export async function createUser(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({ permission: "user:manage", schema: createUserSchema, input: formObject(form, ["clientIds"]), service: create, success: "Person added. Give them their first password in person or by phone, not by email." });
}

export async function updateUser(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({ permission: "user:manage", schema: updateUserSchema, input: formObject(form, ["clientIds"]), service: update, success: "Saved. It takes effect on their next page." });
}
