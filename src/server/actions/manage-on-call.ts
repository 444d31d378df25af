"use server";

import { runAction, formObject } from "./run-action";
import type { FormState } from "./form-state";
import {
  addOverride,
  createRota as create,
  removeOverride,
  updateRota as update,
} from "../services/on-call/manage-rotas";
import { createRotaSchema, overrideSchema, removeOverrideSchema, updateRotaSchema } from "@/lib/validation/on-call";

export async function createRota(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "oncall:manage",
    schema: createRotaSchema,
    input: formObject(form, ["memberIds"]),
    service: create,
    success: "Rota created.",
  });
}

export async function updateRota(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "oncall:manage",
    schema: updateRotaSchema,
    input: formObject(form, ["memberIds"]),
    service: update,
    success: "Rota saved.",
  });
}

export async function addOnCallOverride(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "oncall:manage",
    schema: overrideSchema,
    input: formObject(form),
    service: addOverride,
    success: "Override added.",
  });
}

export async function removeOnCallOverride(_prev: FormState, form: FormData): Promise<FormState> {
  return runAction({
    permission: "oncall:manage",
    schema: removeOverrideSchema,
    input: formObject(form),
    service: removeOverride,
    success: "Override removed.",
  });
}
