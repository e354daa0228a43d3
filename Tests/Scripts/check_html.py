#!/usr/bin/env python3
"""Checks a report page from `twinning report --format html`.

Usage: check_html.py FILE

- well-formed XML (xml.etree parses it: every tag closed, entities escaped),
- the same balance seen by html.parser (void tags aside),
- self-contained: no script, no external stylesheet, image or font,
- printable: an @media print rule in the inline CSS.
Prints "ok" and exits 0, or the problems and exits 1.
"""
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "link", "input", "col", "area", "base", "source", "wbr"}


class Balance(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    problems = []
    try:
        root = ET.fromstring(text.encode("utf-8"))
        if not root.tag.endswith("html"):
            problems.append(f"root element is {root.tag}")
    except ET.ParseError as error:
        problems.append(f"not well-formed: {error}")
    parser = Balance()
    parser.feed(text)
    parser.close()
    problems += parser.problems
    if parser.stack:
        problems.append("unclosed: " + ", ".join(parser.stack))
    lowered = text.lower()
    if "<script" in lowered:
        problems.append("contains a script")
    if re.search(r'(src|href)\s*=\s*"(https?:|//)', lowered) or "<link" in lowered or "@import" in lowered or "url(" in lowered:
        problems.append("refers to an external resource")
    if "@media print" not in text:
        problems.append("no @media print rule")
    if problems:
        for p in problems:
            print("error:", p)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
