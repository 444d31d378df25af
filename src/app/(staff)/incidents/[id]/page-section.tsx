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
    <section id={id} aria-labelledby={`${id}-title`} className="page-card">
      <h2 id={`${id}-title`} className={intro ? "mb-1" : undefined}>
        {title}
      </h2>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </section>
  );
}
