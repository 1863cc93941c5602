package org.saraban.web.signing;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.saraban.api.common.PersonRef;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.query.directory.Person;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.PersonIdentity;
import org.saraban.signing.pki.PersonalSigners;
import org.saraban.signing.pki.Pkcs11Token;
import org.saraban.signing.pki.SigningCredential;

/**
 * Whose key signs for a person: their key on the configured PKCS#11 token (alias = username), else their
 * imported PKCS#12, else the key the internal CA issues them on first use (on the embedded default, the
 * server signs for the logged-in, identity-verified person).
 */
public class SigningKeys {

    private final PersonalSigners people;
    private final Pkcs11Token token;
    private final Directory directory;
    private final KeyAlgorithm algorithm;

    public SigningKeys(PersonalSigners people, Pkcs11Token token, Directory directory, KeyAlgorithm algorithm) {
        this.people = people;
        this.token = token;
        this.directory = directory;
        this.algorithm = algorithm;
    }

    public SigningCredential credentialFor(PersonRef person) {
        if (token != null) {
            String alias = directory.person(person.id()).map(Person::username).orElse(null);
            if (alias != null && token.keyAliases().contains(alias)) {
                return token.credential(alias);
            }
        }
        try {
            return people.credentialFor(identity(person), algorithm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate's subject: the name and position as the letter records them, the agency's full name. */
    PersonIdentity identity(PersonRef person) {
        String agency = directory.agency(person.agencyCode()).map(Agency::name).orElse(person.agencyCode());
        return new PersonIdentity(person.id(), person.displayName(),
                person.position() == null ? "" : person.position(), agency == null ? "" : agency);
    }
}
