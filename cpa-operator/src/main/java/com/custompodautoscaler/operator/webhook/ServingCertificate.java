package com.custompodautoscaler.operator.webhook;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.internal.CertUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The webhook's TLS: a certificate authority of its own and a serving certificate it signed for the
 * webhook's host names, as PEM. It is kept in a Secret, so that every replica serves the same one,
 * and the API server trusts it through the webhook configuration's {@code caBundle}. No external
 * certificate manager is needed.
 *
 * @param caPem the authority's certificate, the {@code caBundle}
 * @param certPem the serving certificate
 * @param keyPem the serving certificate's private key
 */
record ServingCertificate(String caPem, String certPem, String keyPem) {

  /**
   * How long a generated certificate is valid; an operator that starts after that makes another.
   */
  static final Duration VALIDITY = Duration.ofDays(3650);

  private static final char[] NO_PASSWORD = new char[0];
  private static final String CA = "ca.crt";
  private static final String CERT = "tls.crt";
  private static final String KEY = "tls.key";

  /** A new authority and a certificate it signed for {@code hosts}, valid from {@code now}. */
  static ServingCertificate generate(List<String> hosts, Instant now) {
    try {
      KeyPair caKeys = rsaKeys();
      X500Name caName = new X500Name("CN=cpa-operator-webhook-ca");
      X509Certificate ca = sign(caName, caKeys, caName, caKeys, now, caExtensions());
      KeyPair serverKeys = rsaKeys();
      X509Certificate server =
          sign(
              new X500Name("CN=" + hosts.get(0)),
              serverKeys,
              caName,
              caKeys,
              now,
              serverExtensions(hosts));
      return new ServingCertificate(pem(ca), pem(server), pem(serverKeys.getPrivate()));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot generate the webhook's certificate: " + e, e);
    }
  }

  /** The certificate kept in {@code secret}, as {@link #secretData} writes it; none if empty. */
  static Optional<ServingCertificate> fromSecret(Secret secret) {
    Map<String, String> data = secret.getData();
    if (data == null || !data.keySet().containsAll(List.of(CA, CERT, KEY))) {
      return Optional.empty();
    }
    return Optional.of(
        new ServingCertificate(
            decode(data.get(CA)), decode(data.get(CERT)), decode(data.get(KEY))));
  }

  /** The data of a Secret holding this certificate, its key and its authority. */
  Map<String, String> secretData() {
    return Map.of(CA, encode(caPem), CERT, encode(certPem), KEY, encode(keyPem));
  }

  /** TLS for a server presenting this certificate. */
  SSLContext sslContext() {
    try (InputStream cert = stream(certPem);
        InputStream key = stream(keyPem)) {
      KeyStore store = CertUtils.createKeyStore(cert, key, "RSA", NO_PASSWORD, null, NO_PASSWORD);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, new SecureRandom());
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the webhook's certificate cannot be used: " + e, e);
    }
  }

  /** Whether the serving certificate is still valid at {@code now}. */
  boolean isValidAt(Instant now) {
    try (InputStream cert = stream(certPem)) {
      X509Certificate read =
          (X509Certificate)
              java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(cert);
      return read.getNotAfter().toInstant().isAfter(now);
    } catch (IOException | GeneralSecurityException e) {
      return false;
    }
  }

  private static KeyPair rsaKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(
      X500Name subject,
      KeyPair subjectKeys,
      X500Name issuer,
      KeyPair issuerKeys,
      Instant now,
      Extensions extensions)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(127, new SecureRandom()),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(VALIDITY)),
            subject,
            subjectKeys.getPublic());
    extensions.addTo(builder);
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
  }

  /** The extensions of a certificate, added to its builder. */
  private interface Extensions {
    void addTo(JcaX509v3CertificateBuilder builder) throws IOException;
  }

  private static Extensions caExtensions() {
    return builder -> {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    };
  }

  private static Extensions serverExtensions(List<String> hosts) {
    return builder -> {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              hosts.stream()
                  .map(host -> new GeneralName(GeneralName.dNSName, host))
                  .toArray(GeneralName[]::new)));
    };
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }

  private static InputStream stream(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
