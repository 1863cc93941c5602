package org.saraban.query.directory;

import java.util.List;

/**
 * A government agency with its letter code (รหัสตัวพยัญชนะ, e.g. สพร, นร ๐๕), its units and central e-mail.
 * {@code signatureRequired} names the letter kinds (LetterKind names) the agency signs with a digital
 * signature (PAdES) rather than the typed name (ADR 0006); empty for none.
 */
public record Agency(String code, String name, String nameEn, String address, String email, String phone,
                     List<Unit> units, List<String> signatureRequired) {

    public Agency {
        units = units == null ? List.of() : List.copyOf(units);
        signatureRequired = signatureRequired == null ? List.of() : List.copyOf(signatureRequired);
    }

    /** An agency that signs no kind digitally. */
    public Agency(String code, String name, String nameEn, String address, String email, String phone,
                  List<Unit> units) {
        this(code, name, nameEn, address, email, phone, units, List.of());
    }

    public Agency withSignatureRequired(List<String> kinds) {
        return new Agency(code, name, nameEn, address, email, phone, units, kinds);
    }

    /** A unit (ส่วนราชการภายใน) with the number that goes into the ที่ of its letters. */
    public record Unit(String code, String name) {
    }

    public Unit unit(String unitCode) {
        return units.stream().filter(u -> u.code().equals(unitCode)).findFirst().orElse(null);
    }
}
