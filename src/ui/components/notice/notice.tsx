import type { ComponentChildren } from 'preact';

export type NoticeKind = 'info' | 'success' | 'warning';

export interface NoticeProps {
  kind?: NoticeKind;
  /**
   * An alert interrupts the screen reader: only for what the person must know before going on
   * (their change was refused). Otherwise the notice is a polite status (« Vous êtes maintenant
   * déconnecté. »).
   */
  isUrgent?: boolean;
  children: ComponentChildren;
}

/** A banner of information, success or warning; its border and words carry the kind, not colour alone. */
export function Notice({ kind = 'info', isUrgent = false, children }: NoticeProps) {
  return (
    <div class={`app-notice app-notice--${kind}`} role={isUrgent ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
