import sys


class Exporter:
    def write(self, rows):
        raise NotImplementedError(f"{type(self).__name__} must implement write()")


class CsvExporter(Exporter):
    def write(self, rows):
        for row in rows:
            print(",".join(map(str, row)))


class ParquetExporter(Exporter):
    suffix = ".parquet"


EXPORTERS = {"csv": CsvExporter, "parquet": ParquetExporter}
EXPORTERS[sys.argv[1]]().write([(1, "ana"), (2, "kofi")])
