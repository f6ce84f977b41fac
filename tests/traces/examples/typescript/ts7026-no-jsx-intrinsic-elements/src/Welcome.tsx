export function Welcome(props: { name: string }) {
  return (
    <div>
      <p>Hello {props.name}, welcome aboard!</p>
    </div>
  );
}
