"""A labelled data set written twice: as a CSV file and as the same bytes in a Swift string literal, so that the
library carries it without a resource bundle (export_breast_cancer.py, export_digits.py)."""


def labelled_csv(names, data, target, number):
    """The header (``names``, then ``target``) and one line per row, the features written by ``number`` and then
    the integer label; returns the lines (without newlines)."""
    lines = [",".join(list(names) + ["target"])]
    for row, label in zip(data, target):
        lines.append(",".join([number(v) for v in row] + [str(int(label))]))
    return lines


def write_embedded(csv, csv_path, swift_path, enum, comments):
    """Writes ``csv`` to ``csv_path``, and to ``swift_path`` as ``enum <enum> { static let csv }`` after the
    ``comments`` (generated-file notice and doc comment, each line ending in a newline)."""
    csv_path.write_text(csv, encoding="utf-8")
    swift = comments + f"enum {enum} {{\n" + '    static let csv = #"""\n' + csv + '"""#\n' + "}\n"
    swift_path.write_text(swift, encoding="utf-8")
