export function Badge(props: { text: string }) {
  return <div class="badge">{props.text}</div>;
}
