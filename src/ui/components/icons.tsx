/** Decorative icons, drawn inline (no icon font, no extra request); always aria-hidden. */
export function CalendarIcon() {
  return (
    <svg class="app-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
      <path fill="currentColor" d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2Zm12 8H5v9h14v-9ZM5 8h14V6H5v2Zm2 4h2v2H7v-2Zm4 0h2v2h-2v-2Zm4 0h2v2h-2v-2Z" />
    </svg>
  );
}

export function EnvelopeIcon() {
  return (
    <svg class="app-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
      <path fill="currentColor" d="M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm1 2.4V17h16V7.4l-8 5.3-8-5.3ZM5.7 7 12 11.2 18.3 7H5.7Z" />
    </svg>
  );
}

export function PersonIcon() {
  return (
    <svg class="app-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
      <path fill="currentColor" d="M12 12a5 5 0 1 1 0-10 5 5 0 0 1 0 10Zm0-2a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-8 12a8 8 0 0 1 16 0h-2a6 6 0 0 0-12 0H4Z" />
    </svg>
  );
}
