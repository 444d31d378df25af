"use client";

import { useActionState, useCallback, useEffect, useRef, startTransition, type FormEvent, type RefObject } from "react";
import { initialFormState, type FormState } from "@/server/actions/form-state";
import { ACTION_TOO_LARGE_MESSAGE } from "@/lib/action-body-limit";

/**
 * useActionState without React's automatic form reset: a refused submit keeps everything the
 * person typed. A successful one clears the form when `resetOnSuccess` is set. A form served by
 * two actions (one per submit button) passes its own `formRef` to both.
 */
export function useFormAction<S extends FormState = FormState>(
  action: (prev: S, form: FormData) => Promise<S>,
  opts: { resetOnSuccess?: boolean; formRef?: RefObject<HTMLFormElement | null> } = {},
) {
  // A form too large to send is refused before any action runs (413, src/proxy.ts): the action
  // call fails with that message, shown in the form like any refusal, with everything kept.
  const guarded = useCallback(
    async (prev: S, form: FormData): Promise<S> => {
      try {
        return await action(prev, form);
      } catch (error) {
        if (error instanceof Error && error.message === ACTION_TOO_LARGE_MESSAGE)
          return {
            ...prev,
            ok: false,
            message: ACTION_TOO_LARGE_MESSAGE,
            fieldErrors: undefined,
            reasons: undefined,
            at: Date.now(),
          };
        throw error;
      }
    },
    [action],
  );
  const [state, dispatch, pending] = useActionState<S, FormData>(guarded, initialFormState as Awaited<S>);
  const ownRef = useRef<HTMLFormElement>(null);
  const formRef = opts.formRef ?? ownRef;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Include the button that submitted (forms with several actions name it: decision=APPROVE).
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(
      event.currentTarget,
      submitter && submitter.form === event.currentTarget ? submitter : null,
    );
    startTransition(() => dispatch(data));
  };
  useEffect(() => {
    if (state.ok && state.at && opts.resetOnSuccess) formRef.current?.reset();
    // After refused input, put the cursor where the first problem is.
    if (!state.ok && state.fieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, opts.resetOnSuccess, formRef]);
  return { state, pending, onSubmit, formRef };
}
