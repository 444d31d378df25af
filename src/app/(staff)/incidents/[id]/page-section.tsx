/** A card of the incident page that the section nav can jump to (`id`), named by its heading. */
export function PageSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-16 rounded-lg border border-slate-200 bg-white p-4 lg:scroll-mt-4"
    >
      <h2 id={`${id}-title`} className={`${intro ? "mb-1" : "mb-3"} text-base font-semibold`}>
        {title}
      </h2>
      {intro ? <p className="mb-3 text-xs text-slate-500">{intro}</p> : null}
      {children}
    </section>
  );
}
