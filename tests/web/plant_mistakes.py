#!/usr/bin/python3
"""Writes a copy of the programme workbook with planted mistakes, for the web
tests: plant_mistakes.py SOURCE.xlsx DESTINATION.xlsx. Prints each planted
cell as "Feuille!A1" on its own line."""
import sys

import openpyxl

PLANTED = [
    ("Secteurs", "J3", "dix mille"),   # Budget: not an amount
    ("Secteurs", "K4", "beaucoup"),    # Jours min: not a number
    ("Secteurs", "N5", "Personne"),    # Conventionnement: not a known value
]

def main():
    source, destination = sys.argv[1], sys.argv[2]
    workbook = openpyxl.load_workbook(source)
    for sheet, cell, value in PLANTED:
        workbook[sheet][cell] = value
        print(f"{sheet}!{cell}")
    workbook.save(destination)

if __name__ == "__main__":
    main()
