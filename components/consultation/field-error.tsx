import { errorId } from "./field-ids";

export function FieldError({ name, message }: { name: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={errorId(name)} className="mt-1 font-semibold text-danger">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}
