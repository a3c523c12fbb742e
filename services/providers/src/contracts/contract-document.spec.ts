import { createHash } from 'node:crypto';
import { parseCalendarDate } from '@platform/kernel';
import { extractText, getDocumentProxy } from 'unpdf';
import { contentHash, renderContractDocument } from './contract-document.js';
import type { ContractTerms } from './contract-terms.js';

const date = parseCalendarDate;

function utilizationTerms(overrides: Partial<ContractTerms> = {}): ContractTerms {
  return {
    contractNumber: 'C-2026-0042',
    version: 1,
    type: 'utilization',
    agencyName: 'Northshire Children Services',
    provider: { name: 'Harbour Foster Care Ltd', address: '12 Quay Street, Northshire NS1 4AB' },
    period: { from: date('2026-01-01'), to: date('2026-12-31') },
    coveredServices: [
      { name: 'Short-term foster placement', unit: 'day' },
      { name: 'Respite care', unit: 'night' },
    ],
    fixedFee: null,
    unitRates: [
      {
        serviceName: 'Short-term foster placement',
        from: date('2026-01-01'),
        to: date('2026-06-30'),
        rate: '45.50',
        unit: 'day',
      },
      {
        serviceName: 'Short-term foster placement',
        from: date('2026-07-01'),
        to: date('2026-12-31'),
        rate: '47.25',
        unit: 'day',
      },
      {
        serviceName: 'Respite care',
        from: date('2026-01-01'),
        to: date('2026-12-31'),
        rate: '1250',
        unit: 'night',
      },
    ],
    placeLimit: 6,
    performanceMeasures: [
      { name: 'Placement stability', target: '90% of placements last 6 months' },
    ],
    requiredLicenceTypes: ['Foster home licence', 'Respite care licence'],
    issuedOn: date('2025-12-01'),
    reissueReason: null,
    ...overrides,
  };
}

function fixedFeeTerms(): ContractTerms {
  return utilizationTerms({
    type: 'fixed-fee',
    fixedFee: { kind: 'total', amount: '12000.00', frequency: 'monthly' },
    unitRates: [],
    placeLimit: null,
  });
}

/** The text a reader sees on each page, whitespace collapsed (wrapping breaks lines anywhere). */
async function pagesText(pdf: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of the buffer it reads; give it a copy.
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' '));
}

async function documentText(terms: ContractTerms): Promise<string> {
  const { pdf } = await renderContractDocument(terms);
  return (await pagesText(pdf)).join(' ');
}

describe('contract document', () => {
  it('CTR-4 / CTR-2: the PDF states the parties, period, services, rates, place limit, measures, licences and a signature block', async () => {
    const { pdf } = await renderContractDocument(utilizationTerms());
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const text = (await pagesText(pdf)).join(' ');

    expect(text).toContain('Utilization contract C-2026-0042');
    expect(text).toContain('Agency: Northshire Children Services');
    expect(text).toContain('Provider: Harbour Foster Care Ltd');
    expect(text).toContain('12 Quay Street, Northshire NS1 4AB');
    expect(text).toContain('from 2026-01-01 to 2026-12-31');
    expect(text).toContain('Short-term foster placement');
    expect(text).toContain('Respite care');
    expect(text).toContain('45.50 per day');
    expect(text).toContain('47.25 per day');
    expect(text).toContain('1,250.00 per night');
    expect(text).toContain('at most 6 places');
    expect(text).toContain('Placement stability');
    expect(text).toContain('90% of placements last 6 months');
    expect(text).toContain('Foster home licence');
    expect(text).toContain('Respite care licence');
    expect(text).toContain('For the provider: Harbour Foster Care Ltd');
    expect(text).toContain('For the agency: Northshire Children Services');
    expect(text).toContain('Signatory name');
    expect(text).toContain('Signature');
    expect(text).toContain('Date');
    expect(text).not.toContain('replaces');
  });

  it('CTR-1: a fixed-fee document states the fee and its payment frequency instead of rates', async () => {
    const text = await documentText(fixedFeeTerms());

    expect(text).toContain('Fixed-fee contract C-2026-0042');
    expect(text).toContain('12,000.00 in total for the period, paid monthly');
    expect(text).toContain('Payment frequency: monthly');
    expect(text).toContain('No place limit.');
    expect(text).not.toContain('per day');
  });

  it('CTR-1: a periodic fixed fee is stated per payment', async () => {
    const terms = fixedFeeTerms();
    terms.fixedFee = { kind: 'periodic', amount: '1000', frequency: 'quarterly' };

    expect(await documentText(terms)).toContain('1,000.00 per payment, paid quarterly');
  });

  it('CTR-4: the same terms give byte-identical PDFs and the hash is the SHA-256 of the bytes', async () => {
    const first = await renderContractDocument(utilizationTerms());
    const second = await renderContractDocument(utilizationTerms());

    expect(Buffer.from(second.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    expect(first.sha256).toBe(createHash('sha256').update(first.pdf).digest('hex'));
    expect(contentHash(first.pdf)).toBe(first.sha256);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('CTR-4 / WF-3: changing a rate changes the hash, so a signature over the old document no longer matches', async () => {
    const signed = await renderContractDocument(utilizationTerms());
    const signature = { documentSha256: signed.sha256 };
    const changedTerms = utilizationTerms();
    changedTerms.unitRates = changedTerms.unitRates.map((rate, index) =>
      index === 0 ? { ...rate, rate: '46.00' } : rate,
    );

    const reissued = await renderContractDocument(changedTerms);

    expect(contentHash(signed.pdf)).toBe(signature.documentSha256);
    expect(contentHash(reissued.pdf)).not.toBe(signature.documentSha256);
    expect((await pagesText(reissued.pdf)).join(' ')).toContain('46.00 per day');
  });

  it('CTR-3: a re-issued document says it replaces the earlier one and names the reason', async () => {
    const text = await documentText(
      utilizationTerms({ version: 2, reissueReason: 'Respite rate corrected after review' }),
    );

    expect(text).toContain('This document replaces the document previously issued');
    expect(text).toContain('Reason for re-issue: Respite rate corrected after review');
    expect(text).toContain('contract C-2026-0042 version 2');
  });

  it('CTR-2: a long list of services continues over several pages and every service appears', async () => {
    const services = Array.from({ length: 90 }, (_, index) => ({
      name: `Service number ${index + 1} with a name long enough to wrap onto a second line of its table cell`,
      unit: 'session',
    }));

    const { pdf } = await renderContractDocument(utilizationTerms({ coveredServices: services }));
    const pages = await pagesText(pdf);
    const text = pages.join(' ');

    expect(pages.length).toBeGreaterThan(2);
    for (const service of services) expect(text).toContain(service.name);
    expect(pages.at(-1)).toContain('For the agency: Northshire Children Services');
    expect(pages[0]).toContain(`page 1 of ${pages.length}`);
  });

  it('SS-5: characters the standard fonts cannot encode are replaced, not fatal', async () => {
    const text = await documentText(
      utilizationTerms({
        provider: {
          name: 'Zoë’s “Bright Start” – Care → Łódź 😀 中文',
          address: 'Ulica\tDługa 5\nGdańsk',
        },
      }),
    );

    expect(text).toContain('Zoë’s “Bright Start” – Care -> ?ódz ? ??');
    expect(text).toContain('Ulica D?uga 5 Gdansk');
  });

  it('CTR-1: an amount that is not a decimal with at most two places is refused', async () => {
    const terms = utilizationTerms();
    terms.unitRates = [{ ...terms.unitRates[0]!, rate: '45.505' }];

    await expect(renderContractDocument(terms)).rejects.toThrow(RangeError);
  });
});
