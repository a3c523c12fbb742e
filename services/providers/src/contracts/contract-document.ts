import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { formatMoney, parseMoney } from '../shared/money.js';
import type { ContractTerms } from './contract-terms.js';
import { FlowingPage } from './pdf-layout.js';

/**
 * CTR-4: the printable contract a provider reviews and signs (SS-5). The document is a pure
 * function of the terms: the same terms give byte-identical PDFs, so the SHA-256 of the bytes
 * identifies the terms that were signed, and a signature recorded against one hash no longer
 * matches once any term changes and the contract is re-issued (CTR-3, WF-3).
 */
export interface ContractDocument {
  pdf: Uint8Array;
  /** Lower-case hex SHA-256 of `pdf`. */
  sha256: string;
}

/** Fixed so the bytes depend on the terms only, never on the library's defaults or the clock. */
const PRODUCER = 'Provider platform contract documents';

export async function renderContractDocument(terms: ContractTerms): Promise<ContractDocument> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const issuedAt = new Date(`${terms.issuedOn}T00:00:00Z`);
  const title = `Contract ${terms.contractNumber} version ${terms.version}`;
  document.setTitle(title);
  document.setSubject(`${typeLabel(terms)} contract with ${terms.provider.name}`);
  document.setAuthor(terms.agencyName);
  document.setProducer(PRODUCER);
  document.setCreator(PRODUCER);
  document.setCreationDate(issuedAt);
  document.setModificationDate(issuedAt);

  const page = new FlowingPage(document, {
    regular: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold),
  });
  writeContract(page, terms);
  page.footers(title);

  const pdf = await document.save({ useObjectStreams: false });
  return { pdf, sha256: contentHash(pdf) };
}

/** CTR-4: the hash a signature is recorded against (lower-case hex SHA-256). */
export function contentHash(pdf: Uint8Array): string {
  return createHash('sha256').update(pdf).digest('hex');
}

function writeContract(page: FlowingPage, terms: ContractTerms): void {
  page.title(`${typeLabel(terms)} contract ${terms.contractNumber}`);
  page.paragraph(`Version ${terms.version}, issued on ${terms.issuedOn}`, { grey: true });
  if (terms.reissueReason !== null) {
    page.space(6);
    page.paragraph(
      `This document replaces the document previously issued for contract ${terms.contractNumber}, which is void. Reason for re-issue: ${terms.reissueReason}`,
      { bold: true },
    );
  }

  page.heading('1. Parties');
  page.paragraph(`Agency: ${terms.agencyName}`);
  page.paragraph(`Provider: ${terms.provider.name}`);
  page.paragraph(`Address: ${terms.provider.address}`, { indent: 12 });

  page.heading('2. Period');
  page.paragraph(
    `This contract runs from ${terms.period.from} to ${terms.period.to}, both days included.`,
  );

  page.heading('3. Covered services');
  page.table(
    [
      { header: 'Service', share: 0.7 },
      { header: 'Unit', share: 0.3 },
    ],
    terms.coveredServices.map((service) => [service.name, service.unit]),
  );

  page.heading(terms.type === 'fixed-fee' ? '4. Fixed fee' : '4. Unit rates');
  writePayment(page, terms);

  page.heading('5. Place limit');
  page.paragraph(
    terms.placeLimit === null
      ? 'No place limit.'
      : `The provider may fill at most ${terms.placeLimit} ${terms.placeLimit === 1 ? 'place' : 'places'} under this contract.`,
  );

  page.heading('6. Performance measures');
  if (terms.performanceMeasures.length === 0) page.paragraph('None.');
  else
    page.table(
      [
        { header: 'Measure', share: 0.6 },
        { header: 'Target', share: 0.4 },
      ],
      terms.performanceMeasures.map((measure) => [measure.name, measure.target]),
    );

  page.heading('7. Required licences');
  page.paragraph(
    'The contract activates only while the provider holds a valid licence of each type listed.',
    { grey: true },
  );
  if (terms.requiredLicenceTypes.length === 0) page.paragraph('None.');
  for (const licence of terms.requiredLicenceTypes) page.paragraph(`- ${licence}`, { indent: 12 });

  writeSignatureBlock(page, terms);
}

/** CTR-1: a fixed fee and how it is paid, or the unit rates per service and sub-period. */
function writePayment(page: FlowingPage, terms: ContractTerms): void {
  if (terms.type === 'fixed-fee') {
    if (terms.fixedFee === null)
      throw new RangeError('a fixed-fee contract states its fee (CTR-1)');
    const { kind, amount, frequency } = terms.fixedFee;
    page.paragraph(
      kind === 'total'
        ? `A fixed fee of ${displayAmount(amount)} in total for the period, paid ${frequency} in equal payments, independent of the services delivered.`
        : `A fixed fee of ${displayAmount(amount)} per payment, paid ${frequency}, independent of the services delivered.`,
    );
    page.paragraph(`Payment frequency: ${frequency}`);
    return;
  }
  if (terms.unitRates.length === 0) page.paragraph('No unit rates.');
  else
    page.table(
      [
        { header: 'Service', share: 0.4 },
        { header: 'From', share: 0.17 },
        { header: 'To', share: 0.17 },
        { header: 'Rate', share: 0.26 },
      ],
      terms.unitRates.map((rate) => [
        rate.serviceName,
        rate.from,
        rate.to,
        `${displayAmount(rate.rate)} per ${rate.unit}`,
      ]),
    );
}

/** SS-5: where the provider and the agency sign this version. */
function writeSignatureBlock(page: FlowingPage, terms: ContractTerms): void {
  page.heading('8. Signatures');
  page.paragraph(
    `By signing, the parties agree to the terms of contract ${terms.contractNumber} version ${terms.version} above.`,
  );
  for (const party of [
    `For the provider: ${terms.provider.name}`,
    `For the agency: ${terms.agencyName}`,
  ]) {
    page.signatureBlock(party, [
      { caption: 'Signatory name', widthShare: 0.6 },
      { caption: 'Signature', widthShare: 0.6 },
      { caption: 'Date', widthShare: 0.3 },
    ]);
  }
}

function typeLabel(terms: ContractTerms): string {
  return terms.type === 'fixed-fee' ? 'Fixed-fee' : 'Utilization';
}

/** "12000" or "12000.00" → "12,000.00"; anything else is not an amount and is refused. */
function displayAmount(amount: string): string {
  const [units = '0', cents = '00'] = formatMoney(parseMoney(amount)).split('.');
  return `${units.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
