/**
 * Desktop notifications through Electron. Notification actions (an "Undo" button) exist on macOS only,
 * so elsewhere a click on the notification is the undo and the body says so.
 */
import { Notification, nativeImage } from 'electron';
import type { NotifierPort } from './tray-service.ts';

/** Creates the notifier for `platform`. */
export function createNotifier(platform: string, iconPath?: string): NotifierPort {
  // Electron drops the click/action handlers of notifications that get garbage-collected
  // (https://github.com/electron/electron/issues/12690), so live ones are kept here until closed.
  const live = new Set<Notification>();
  // A NativeImage rather than a path: the icon lives inside the asar, which the notification daemon cannot read.
  const icon = iconPath ? nativeImage.createFromPath(iconPath) : undefined;
  return {
    show({ title, body, onUndo }) {
      if (!Notification.isSupported()) {
        console.log(`[notification] ${title}: ${body}`);
        return;
      }
      const actions = platform === 'darwin' && onUndo;
      const notification = new Notification({
        title,
        body: onUndo && !actions ? `${body}\nClick to undo.` : body,
        silent: true,
        icon,
        actions: actions ? [{ type: 'button', text: 'Undo' }] : [],
      });
      live.add(notification);
      notification.on('close', () => live.delete(notification));
      if (onUndo) {
        if (actions) notification.on('action', () => onUndo());
        else notification.on('click', () => onUndo());
      }
      notification.show();
    },
  };
}
