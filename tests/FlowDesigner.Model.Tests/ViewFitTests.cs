using FlowDesigner.Model.Layout;

namespace FlowDesigner.Model.Tests;

public sealed class ViewFitTests
{
    private static readonly CanvasSize Canvas = new(900, 700);

    [Fact]
    public void Fit_CentresEveryBoxWithTheMargin_AtZoomOne_WhenTheyFitAsTheyAre()
    {
        Box[] boxes = [new(0, 0, 200, 80), new(280, 0, 200, 80)];

        var view = ViewFit.Fit(boxes, boxes[0], Canvas);

        Assert.Equal(1, view.Zoom);
        Assert.Equal(new Box(210, 310, 480, 80), view.OnScreen(Box.Around(boxes)));
    }

    [Fact]
    public void Fit_ZoomsOut_ToHoldEveryBoxInsideTheMargin_WhileTextStaysReadable()
    {
        // 880 wide: (900 - 80) / 880 = 0.9318, above the readable 0.9167.
        Box[] boxes = [new(100, 100, 200, 80), new(780, 300, 200, 80)];

        var view = ViewFit.Fit(boxes, boxes[0], Canvas);

        Assert.Equal(820.0 / 880, view.Zoom, 6);
        var shown = view.OnScreen(Box.Around(boxes));
        Assert.Equal(40, shown.X, 6);
        Assert.Equal(860, shown.Right, 6);
        Assert.True(new Box(0, 0, 900, 700).Inflate(-39.9).Holds(shown));
        Assert.True(view.Zoom * CardSize.SmallestTextPixels >= ViewFit.MinimumTextPixels);
    }

    [Fact]
    public void Fit_KeepsTheReadableZoom_AndTheTriggerInView_WhenTheGraphIsTooWide()
    {
        // Seven columns of 280: 1880 wide, which would need zoom 0.44 and 5 px text.
        var boxes = Enumerable.Range(0, 7).Select(i => new Box(80 + (i * 280), 80, 200, 80)).ToList();

        var view = ViewFit.Fit(boxes, boxes[0], Canvas);

        Assert.Equal(11.0 / 12, view.Zoom, 6);
        Assert.True(new Box(0, 0, 900, 700).Holds(view.OnScreen(boxes[0])));
        Assert.Equal(40, view.OnScreen(boxes[0]).X, 6); // the empty canvas left of the trigger is not shown
        Assert.Equal(350, view.OnScreen(boxes[0]).CentreY, 6); // one row: centred in height
    }

    [Fact]
    public void Fit_CentresOnTheTrigger_WhenItSitsInTheMiddleOfAGraphTooLargeToShow()
    {
        var boxes = Enumerable.Range(-5, 11).Select(i => new Box(i * 280, i * 140, 200, 80)).ToList();
        var trigger = boxes[5];

        var view = ViewFit.Fit(boxes, trigger, Canvas);

        var shown = view.OnScreen(trigger);
        Assert.Equal(450, shown.CentreX, 6);
        Assert.Equal(350, shown.CentreY, 6);
    }

    [Fact]
    public void Fit_AndBringIntoView_KeepNodesClearOfWhatCoversTheCanvasBottom()
    {
        Box[] boxes = [new(0, 0, 200, 80), new(280, 0, 200, 80)];
        var minimap = new Insets(0, 0, 150, 0);

        var view = ViewFit.Fit(boxes, boxes[0], Canvas, minimap);

        Assert.Equal(new Box(210, 235, 480, 80), view.OnScreen(Box.Around(boxes))); // centred in the 900 x 550 left free
        var moved = ViewFit.BringIntoView(Viewport.Identity, new Box(100, 500, 200, 80), Canvas, minimap);
        Assert.Equal(new Viewport(1, 0, -70), moved); // its bottom and the margin end where the covered strip begins
    }

    [Fact]
    public void Fit_LeavesTheViewAlone_UntilTheCanvasIsMeasured()
    {
        Assert.Equal(Viewport.Identity, ViewFit.Fit([new Box(500, 500, 200, 80)], null, new CanvasSize(0, 0)));
    }

    [Theory]
    [InlineData(100, 100, 0, 0)] // in view: unchanged
    [InlineData(1000, 100, -340, 0)] // beyond the right edge: moved left until it shows with the margin
    [InlineData(-300, 100, 340, 0)] // beyond the left edge
    [InlineData(100, 900, 0, -320)] // below
    public void BringIntoView_MovesTheViewJustEnough(double x, double y, double panX, double panY)
    {
        var view = ViewFit.BringIntoView(Viewport.Identity, new Box(x, y, 200, 80), Canvas);

        Assert.Equal(new Viewport(1, panX, panY), view);
    }

    [Fact]
    public void ZoomedBy_KeepsThePointAtTheCanvasCentre()
    {
        var view = new Viewport(1, -100, -50);

        var zoomed = view.ZoomedBy(2, Canvas);

        Assert.Equal(2, zoomed.Zoom);
        Assert.Equal(view.VisibleArea(Canvas).CentreX, zoomed.VisibleArea(Canvas).CentreX, 6);
        Assert.Equal(view.VisibleArea(Canvas).CentreY, zoomed.VisibleArea(Canvas).CentreY, 6);
    }
}
