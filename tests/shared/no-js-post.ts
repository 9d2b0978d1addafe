/*
 * What a browser without JavaScript posts for a form whose action has state
 * (useActionState): React writes the action and the previous answer into the
 * form, so the answer travels back with every post. Body-limit tests build
 * the largest such post with it.
 */
export function withPreviousAnswer(form: FormData, previous: unknown): FormData {
  form.append("$ACTION_REF_1", "");
  form.append("$ACTION_1:0", JSON.stringify({ id: "f".repeat(42), bound: "$@1" }));
  form.append("$ACTION_1:1", JSON.stringify([previous]));
  form.append("$ACTION_KEY", `k${"f".repeat(32)}`);
  return form;
}

/** The bytes a form takes on the wire, as multipart. */
export const postedSize = async (form: FormData) =>
  (await new Response(form).arrayBuffer()).byteLength;
