import { preload } from "react-dom";
import { ConsultationActions } from "@/components/article/consultation-actions";
import { BookingLink } from "@/components/ui/booking-link";
import type { BookingLink as Booking } from "@/lib/validations/clinic-schema";

const HERO = "/illustrations/hero.svg";

export function HomeHero({
  title,
  lead,
  booking,
}: {
  title: string;
  lead: string;
  booking: Booking | null;
}) {
  // The hero is the largest paint: a preload in <head> starts it before the body is parsed.
  preload(HERO, { as: "image", fetchPriority: "high" });
  return (
    <section className="bg-brand-soft">
      <div className="mx-auto grid max-w-6xl items-center gap-8 px-4 py-10 md:grid-cols-2 md:py-16">
        <div>
          <h1 className="text-3xl font-semibold leading-tight sm:text-5xl">{title}</h1>
          <p className="mt-4 text-lg">{lead}</p>
          <ConsultationActions large />
          <BookingLink link={booking} className="mt-4" />
        </div>
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG needs no optimising, and next/image ships a client script */}
        <img
          src={HERO}
          alt=""
          width={800}
          height={500}
          fetchPriority="high"
          decoding="async"
          className="h-auto w-full"
        />
      </div>
    </section>
  );
}
