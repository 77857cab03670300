"use client";

import { Component, type ReactNode } from "react";

type Props = { children: ReactNode; title: string; text: string; retry: string };

/**
 * Keeps a failed save (the server could not be reached) inside its own form
 * instead of replacing the page: the words stay in the browser's draft, and
 * "try again" brings the form back with them.
 */
export class SaveErrorBoundary extends Component<Props, { failed: boolean; attempt: number }> {
  state = { failed: false, attempt: 0 };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return <div key={this.state.attempt}>{this.props.children}</div>;
    return (
      <div role="alert" className="border-s-4 border-warning bg-warning-light p-4">
        <p className="font-semibold">{this.props.title}</p>
        <p className="mt-1">{this.props.text}</p>
        <button
          type="button"
          onClick={() => this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }))}
          className="mt-3 min-h-11 bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark"
        >
          {this.props.retry}
        </button>
      </div>
    );
  }
}
