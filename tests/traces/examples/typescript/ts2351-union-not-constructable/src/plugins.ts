class CsvExporter {
  run() {
    return "csv";
  }
}

function jsonExporter() {
  return { run: () => "json" };
}

const exporters = { csv: CsvExporter, json: jsonExporter };

export function make(kind: "csv" | "json") {
  const Exporter = exporters[kind];
  return new Exporter();
}
