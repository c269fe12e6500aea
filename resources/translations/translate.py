#!/usr/bin/env python3
# Fills the .ts files that lupdate made (cmake --build BUILD --target slate_ui_lupdate) from
# nb_NO.py: every Norwegian text, and the English plural forms. Run after changing any tr() text:
#   cmake --build build --target slate_ui_lupdate && resources/translations/translate.py
import os
import sys
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from nb_NO import EN_NUMERUS, NB, NB_NUMERUS  # noqa: E402


def fill(path, singular, plural):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter('message'):
        source = message.find('source').text
        translation = message.find('translation')
        if message.get('numerus') == 'yes':
            forms = plural.get(source)
            if not forms:
                missing.append(source)
                continue
            for child in list(translation):
                translation.remove(child)
            for form in forms:
                ET.SubElement(translation, 'numerusform').text = form
        elif singular is not None:
            if source not in singular:
                missing.append(source)
                continue
            translation.text = singular[source]
        else:
            continue  # English singular texts are the source texts
        translation.attrib.pop('type', None)
    tree.write(path, encoding='utf-8', xml_declaration=True)
    with open(path, encoding='utf-8') as f:
        text = f.read()
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1))
    return missing


missing = fill(os.path.join(here, 'slate_nb_NO.ts'), NB, NB_NUMERUS)
missing += fill(os.path.join(here, 'slate_en.ts'), None, EN_NUMERUS)
for source in missing:
    print('no translation for:', repr(source))
sys.exit(1 if missing else 0)
