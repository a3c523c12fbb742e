import { parseCalendarDate } from '@platform/kernel';
import type { TaxonomyFileHeader } from './taxonomy-file.js';
import type { FailReading } from './taxonomy-file-error.js';
import { XML } from './taxonomy-xml-names.js';

const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
function isCalendarDate(text: string): boolean {
  try {
    parseCalendarDate(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * TAX-1: the root element's attributes: which taxonomy (name and country), in which language
 * (TAX-6) and which release (the date numbering the version).
 */
export function readHeader(
  attributes: Record<string, string>,
  fail: FailReading,
): TaxonomyFileHeader {
  const names = XML.rootAttributes;
  const required = (attribute: string) => {
    const value = attributes[attribute]?.trim();
    if (!value) fail(attribute, `the <${XML.root}> element needs a ${attribute} attribute`);
    return value;
  };
  const header = {
    name: required(names.name),
    country: required(names.country),
    language: required(names.language),
    releaseDate: required(names.releaseDate),
  };
  if (!COUNTRY.test(header.country)) {
    fail(names.country, `country ${header.country} is not an ISO 3166 code such as US or CA`);
  }
  if (!LANGUAGE.test(header.language)) {
    fail(names.language, `language ${header.language} is not a language tag such as en or fr`);
  }
  if (!isCalendarDate(header.releaseDate)) {
    fail(names.releaseDate, `release date ${header.releaseDate} is not a YYYY-MM-DD date`);
  }
  return header;
}
