import Image from "next/image";
import { ConsultationActions } from "@/components/article/consultation-actions";

export function HomeHero({ title, lead }: { title: string; lead: string }) {
  return (
    <section className="bg-brand-soft">
      <div className="mx-auto grid max-w-6xl items-center gap-8 px-4 py-10 md:grid-cols-2 md:py-16">
        <div>
          <h1 className="text-3xl font-semibold leading-tight sm:text-5xl">{title}</h1>
          <p className="mt-4 text-lg">{lead}</p>
          <ConsultationActions large />
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
