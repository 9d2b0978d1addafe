/** The clinic facts the form shows; passed from the server so the island reads no files. */
export type ClinicContact = { phone: string; emergencyNumber: string; replyWithin: string };

export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
