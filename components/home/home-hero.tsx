import Image from "next/image";
import Link from "next/link";
import { getClinic } from "@/lib/content/clinic";
import { telHref } from "@/lib/content/phone";

export function HomeHero({ title, lead }: { title: string; lead: string }) {
  const { phone } = getClinic();
  return (
    <section className="bg-brand-soft">
      <div className="mx-auto grid max-w-6xl items-center gap-8 px-4 py-10 md:grid-cols-2 md:py-16">
        <div>
          <h1 className="text-3xl font-semibold leading-tight sm:text-5xl">{title}</h1>
          <p className="mt-4 text-lg">{lead}</p>
          <div className="mt-6 flex flex-wrap items-center gap-4">
            <Link
              href="/consultation"
              className="inline-flex min-h-12 items-center rounded-lg bg-brand px-6 text-lg font-semibold text-on-brand no-underline"
            >
              Request a consultation
            </Link>
            <span>
              or call <a href={telHref(phone)}>{phone}</a>
            </span>
          </div>
        </div>
        <Image
          src="/illustrations/hero.svg"
          alt=""
          width={800}
          height={500}
          priority
          sizes="(min-width: 768px) 560px, 100vw"
          className="h-auto w-full"
        />
      </div>
    </section>
  );
}
