import { Header } from "./Header";

export function App() {
  return (
    <div class="app">
      <Header />
    </div>
  );
}
