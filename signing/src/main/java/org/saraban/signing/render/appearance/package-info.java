/**
 * The renderer's shaped Thai writer as the signing code's {@link org.saraban.signing.pades.AppearanceText}.
 *
 * <p>Dependencies point one way: {@code pades} declares the interface and knows nothing of the renderer;
 * {@code render}, {@code render.page} and {@code render.text} know nothing of signing; this package is the only
 * place that sees both, so either side can change without the other. Whoever wires signing (the web layer,
 * through {@link org.saraban.signing.pades.SigningServices#open}) hands
 * {@link org.saraban.signing.render.appearance.ShapedAppearanceText#bundled(float[])}, or one built on the
 * agency's configured {@link org.saraban.signing.render.FontSet}, to the signer and the receipt stamp.
 */
package org.saraban.signing.render.appearance;
