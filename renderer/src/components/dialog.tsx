/**
 * Modal dialog (react-aria): focus is trapped inside, Escape closes, focus returns to the control
 * that opened it (A11Y-08). Content is a form or plain children with a footer of buttons.
 */
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export function AppDialog({
  title,
  onClose,
  children,
  footer,
  size = 'md',
  role = 'dialog',
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  role?: 'dialog' | 'alertdialog';
}) {
  return (
    <ModalOverlay
      isOpen
      isDismissable={role === 'dialog'}
      isKeyboardDismissDisabled={false}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="modal-overlay"
    >
      <Modal className={`modal modal-${size}`}>
        <Dialog className="dialog" role={role}>
          <div className="dialog-head">
            <Heading slot="title" className="dialog-title">
              {title}
            </Heading>
          </div>
          <div className="dialog-body">{children}</div>
          {footer ? <div className="dialog-foot">{footer}</div> : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
