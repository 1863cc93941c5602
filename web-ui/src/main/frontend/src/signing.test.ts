import { describe, expect, it } from 'vitest';
import { padesLevel, revisionChain, shortHash, signatorySignature, signsDigitally } from './signing';
import type { Letter, Me, PdfRevision, PersonRef } from './types';

const director: PersonRef = { id: 'd', displayName: 'นางนภาพร จันทร์หอม', position: 'ผู้อำนวยการ', agencyCode: 'นร ๑๒' };
const head: PersonRef = { id: 'h', displayName: 'นายประเสริฐ ชัยมงคล', position: 'ผู้อำนวยการกลุ่มงาน', agencyCode: 'นร ๑๒' };
const me = { signatureRequired: ['EXTERNAL'] } as Me;

describe('electronic signatures on the letter page', () => {
  it('expects a digital approval only for a kind the agency signs digitally and a letter with a signatory', () => {
    expect(signsDigitally(me, { kind: 'EXTERNAL', signatory: director } as Letter)).toBe(true);
    expect(signsDigitally(me, { kind: 'INTERNAL', signatory: director } as Letter)).toBe(false);
    expect(signsDigitally(me, { kind: 'EXTERNAL', signatory: null } as Letter)).toBe(false);
    expect(signsDigitally({} as Me, { kind: 'EXTERNAL', signatory: director } as Letter)).toBe(false);
  });
  it('tells the signatory signature from the approver visa', () => {
    const visa = { signer: head, method: 'PADES', role: 'VISA' };
    expect(signatorySignature({ signatures: [visa] } as Letter)).toBeUndefined();
    const signed = { signer: director, method: 'PADES', role: 'SIGNATORY' };
    expect(signatorySignature({ signatures: [visa, signed] } as Letter)).toBe(signed);
    // a received copy lists the signatory only
    expect(signatorySignature({ signatures: [{ signer: director, method: 'TYPED_NAME' }] } as Letter)?.signer).toBe(director);
  });
  it('shortens a SHA-256 to its first 16 hex digits in groups of four', () => {
    expect(shortHash('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')).toBe('0123 4567 89ab cdef…');
    expect(shortHash(null)).toBe('');
  });
  it('names PAdES levels as the standard does', () => {
    expect(padesLevel('B_LTA')).toBe('PAdES-BASELINE-LTA');
    expect(padesLevel('PAdES-BASELINE-T')).toBe('PAdES-BASELINE-T');
    expect(padesLevel(null)).toBe('');
  });
});

describe('the PDF of record', () => {
  const revision = (step: string, sha256: string, previousSha256: string | null) =>
    ({ step, sha256, previousSha256, by: head, at: '2026-11-23T02:30:00Z', atThai: '' }) as PdfRevision;
  it('lists the revisions that lead to the current PDF, oldest first', () => {
    const rendered = revision('RENDERED', 'a', null);
    const visa = revision('VISA', 'b', 'a');
    const signature = revision('SIGNATURE', 'c', 'b');
    expect(revisionChain({ pdfSha256: 'c', pdfRevisions: [rendered, visa, signature] } as Letter)).toEqual([rendered, visa, signature]);
  });
  it('leaves out the revisions of an approval that an edit invalidated', () => {
    const old = [revision('RENDERED', 'a', null), revision('VISA', 'b', 'a')];
    const rendered = revision('RENDERED', 'x', null);
    const visa = revision('VISA', 'y', 'x');
    expect(revisionChain({ pdfSha256: 'y', pdfRevisions: [...old, rendered, visa] } as Letter)).toEqual([rendered, visa]);
    expect(revisionChain({ pdfSha256: null, pdfRevisions: old } as Letter)).toEqual([]);
  });
  it('starts a received copy at its receipt stamp, the delivered PDF being the sender\'s', () => {
    const stamp = revision('RECEIPT_STAMP', 's', 'c');
    expect(revisionChain({ pdfSha256: 's', pdfRevisions: [stamp] } as Letter)).toEqual([stamp]);
  });
});
