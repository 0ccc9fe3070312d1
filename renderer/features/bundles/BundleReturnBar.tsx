import { useBundles } from '../../state/bundles-store';

/** Above an article opened from a bundle: the way back to it (Esc does the same). */
export function BundleReturnBar() {
  const cameFrom = useBundles((s) => s.cameFrom);
  const name = useBundles((s) => (s.bundle?.id === s.cameFrom ? s.bundle.name : null));
  if (!cameFrom) return null;
  return (
    <div className="bundle-return">
      <button
        className="link"
        onClick={() => {
          const { showBundles, open } = useBundles.getState();
          showBundles();
          void open(cameFrom);
        }}
      >
        ← Back to the bundle{name ? <> “<bdi>{name}</bdi>”</> : null}
      </button>
    </div>
  );
}
