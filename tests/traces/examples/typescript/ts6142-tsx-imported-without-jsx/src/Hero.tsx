export function Hero(props: { title: string }) {
  return (
    <section>
      <h1>{props.title}</h1>
    </section>
  );
}
